import { ArgumentMetadata } from '@nestjs/common';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { ApiError } from './api-error';
import { createValidationPipe } from './validation.pipe';

class Body {
  @IsInt({ message: 'weeks must be a whole number' })
  @Min(1, { message: 'weeks must be at least 1' })
  @Max(52, { message: 'weeks must be at most 52' })
  weeks!: number;

  @IsOptional()
  @IsString({ message: 'note must be a string' })
  note?: string;
}

const meta: ArgumentMetadata = { type: 'body', metatype: Body };

async function fieldsOf(value: unknown): Promise<Record<string, string>> {
  try {
    await createValidationPipe().transform(value, meta);
  } catch (error) {
    if (error instanceof ApiError) return (error.details as { fields: Record<string, string> }).fields;
    throw error;
  }
  return {};
}

describe('createValidationPipe', () => {
  it('says a missing field is required, in one sentence', async () => {
    expect(await fieldsOf({})).toEqual({ weeks: 'weeks is required' });
  });

  it('gives the most telling message for a wrong value', async () => {
    expect(await fieldsOf({ weeks: 'four' })).toEqual({ weeks: 'weeks must be a whole number' });
    expect(await fieldsOf({ weeks: 99 })).toEqual({ weeks: 'weeks must be at most 52' });
  });

  it('names an unknown field and says to remove it', async () => {
    expect(await fieldsOf({ weeks: 2, role: 'admin' })).toEqual({ role: 'role is not a known field; remove it' });
  });

  it('lets a valid body through', async () => {
    expect(await fieldsOf({ weeks: 2, note: 'hi' })).toEqual({});
  });
});
