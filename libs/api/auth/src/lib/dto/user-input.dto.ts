import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsLocale, IsTimeZone, PageQueryDto, toCanonicalLocale } from '@stint/api-core';
import { USER_ROLES, type UserRole } from '@stint/contracts';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../password';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const LOCALE_DESCRIPTION = 'A BCP 47 language tag, stored in canonical form (en-us → en-US); null clears it.';

export class CreateUserDto {
  @ApiProperty({ example: 'pat.pm@example.com' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email!: string;

  @ApiProperty({ example: 'Pat Lee' })
  @Transform(trim)
  @IsString({ message: 'name must be a string' })
  @MinLength(1, { message: 'name is required' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name!: string;

  @ApiProperty({ enum: USER_ROLES })
  @IsIn(USER_ROLES, { message: `role must be one of ${USER_ROLES.join(', ')}` })
  role!: UserRole;

  @ApiProperty({ minLength: 8, maxLength: PASSWORD_MAX_LENGTH, example: 'a-long-password' })
  @IsString({ message: 'password must be a string' })
  @MinLength(8, { message: 'password must be at least 8 characters' })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `password must be at most ${PASSWORD_MAX_LENGTH} characters` })
  password!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, description: 'The line manager; required for a pm.' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'managerId must be a user id (UUID)' })
  managerId?: string | null;

  @ApiPropertyOptional({ example: 'Europe/Berlin', default: 'UTC' })
  @IsOptional()
  @IsTimeZone()
  timezone?: string;

  @ApiPropertyOptional({ example: 'en-GB', nullable: true, type: String, description: LOCALE_DESCRIPTION })
  @IsOptional()
  @Transform(toCanonicalLocale)
  @IsLocale()
  locale?: string | null;
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320)
  email?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;
  @ApiPropertyOptional({ enum: USER_ROLES })
  @IsOptional()
  @IsIn(USER_ROLES, { message: `role must be one of ${USER_ROLES.join(', ')}` })
  role?: UserRole;
  @ApiPropertyOptional({ minLength: 8, maxLength: PASSWORD_MAX_LENGTH })
  @IsOptional()
  @IsString()
  @MinLength(8, { message: 'password must be at least 8 characters' })
  @MaxLength(PASSWORD_MAX_LENGTH, { message: `password must be at most ${PASSWORD_MAX_LENGTH} characters` })
  password?: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsUUID('all', { message: 'managerId must be a user id (UUID)' })
  managerId?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsTimeZone() timezone?: string;
  @ApiPropertyOptional({ example: 'en-GB', nullable: true, type: String, description: LOCALE_DESCRIPTION })
  @IsOptional()
  @Transform(toCanonicalLocale)
  @IsLocale()
  locale?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'active must be true or false' }) active?: boolean;
}

/** PATCH /api/me: what anyone may change about themselves. */
export class UpdateProfileDto extends PickType(UpdateUserDto, ['name', 'timezone', 'locale'] as const) {}

export class UserQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: USER_ROLES })
  @IsOptional()
  @IsIn(USER_ROLES, { message: `role must be one of ${USER_ROLES.join(', ')}` })
  role?: UserRole;

  @ApiPropertyOptional({ description: 'Matches name or email, case-insensitive.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
