import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest } from '@stint/contracts';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'admin@stint.local' })
  @IsString({ message: 'email must be a string' })
  @MinLength(3, { message: 'email is required' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'admin' })
  @IsString({ message: 'password must be a string' })
  @MinLength(1, { message: 'password is required' })
  @MaxLength(200)
  password!: string;
}
