import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiError } from './api-error';

function collect(errors: ValidationError[], prefix: string, into: Record<string, string>): void {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      const messages = Object.entries(error.constraints).map(([rule, text]) =>
        rule === 'whitelistValidation' ? `${path} is not a known field; remove it` : text,
      );
      into[path] = messages.join('; ');
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
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => ApiError.validation(fieldErrors(errors)),
  });
}
