import { ApiProperty } from '@nestjs/swagger';
import type { LoginRequest } from '@stint/contracts';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../password';

export class LoginDto implements LoginRequest {
  @ApiProperty({ example: 'admin@stint.local' })
  @IsString({ message: 'email must be a string' })
  @MinLength(3, { message: 'email is required' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'admin', maxLength: PASSWORD_MAX_LENGTH })
  @IsString({ message: 'password must be a string' })
  @MinLength(1, { message: 'password is required' })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `password must be at most ${PASSWORD_MAX_LENGTH} characters` })
  password!: string;
}
