import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiError } from './api-error';

function collect(errors: ValidationError[], prefix: string, into: Record<string, string>): void {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      const rules = Object.keys(error.constraints);
      if (rules.includes('whitelistValidation')) {
        into[path] = `${path} is not a known field; remove it`;
      } else if (error.value === undefined || error.value === null) {
        into[path] = `${path} is required`;
      } else {
        // class-validator lists constraints last-declared first; the first declared (the type check) says most.
        into[path] = error.constraints[rules[rules.length - 1] ?? ''] ?? `${path} is not valid`;
      }
    }
    if (error.children?.length) collect(error.children, path, into);
  }
}

export function fieldErrors(errors: ValidationError[]): Record<string, string> {
  const fields: Record<string, string> = {};
  collect(errors, '', fields);
  return fields;
}

/** Rejects unknown fields and reports every bad one in `details.fields`. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // value is read here to tell a missing field from a wrong one; it is never sent back.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => ApiError.validation(fieldErrors(errors)),
  });
}
