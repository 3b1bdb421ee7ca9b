import { ArgumentMetadata, Type, ValidationError, ValidationPipe } from '@nestjs/common';
import { findBadText } from '../http/input-gate';
import { ApiError } from './api-error';

function collect(errors: ValidationError[], prefix: string, into: Record<string, string>): void {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      const rules = Object.keys(error.constraints);
      if (rules.includes('whitelistValidation')) {
        into[path] = `${path} is not a known field; remove it`;
      } else if (error.value === undefined) {
        into[path] = `${path} is required`;
      } else if (error.value === null) {
        into[path] = `${path} must not be null`;
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

const PRIMITIVES: ReadonlySet<unknown> = new Set([String, Number, Boolean, Object, Array, Date]);

function isDto(type: unknown): type is Type<unknown> {
  return typeof type === 'function' && !PRIMITIVES.has(type);
}

interface SwaggerProperty {
  nullable?: boolean;
  required?: boolean;
}

/**
 * Checks a body against its DTO's declared shape before class-transformer
 * touches it: `null` only where the OpenAPI document says the field is
 * nullable (it clears it); a list where a list is declared; an object where a
 * nested DTO is declared. Returns field errors.
 */
export function shapeErrors(value: Record<string, unknown>, type: Type<unknown>, prefix = ''): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const doc = Reflect.getMetadata('swagger/apiModelProperties', type.prototype as object, key) as
      | SwaggerProperty
      | undefined;
    const declared: unknown = Reflect.getMetadata('design:type', type.prototype as object, key);
    if (!doc && declared === undefined) continue; // unknown field: the whitelist reports it
    if (item === null) {
      if (!doc?.nullable)
        errors[path] =
          doc?.required === false
            ? `${path} must not be null; leave it out to keep the current value`
            : `${path} is required and must not be null`;
      continue;
    }
    if (declared === Array && !Array.isArray(item)) errors[path] = `${path} must be a list`;
    else if (isDto(declared)) {
      if (typeof item !== 'object' || Array.isArray(item)) errors[path] = `${path} must be an object`;
      else Object.assign(errors, shapeErrors(item as Record<string, unknown>, declared, path));
    }
  }
  return errors;
}

/**
 * The validation pipe behind the input gate: text with control characters
 * is refused in bodies, queries and path parameters; bodies must match their
 * DTO's shape (see shapeErrors); then class-validator checks every rule.
 */
class GatedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const bad = findBadText(value, metadata.type === 'param' ? (metadata.data ?? 'path') : '');
      if (bad) throw ApiError.validation({ [bad[0]]: bad[1] });
    }
    if (metadata.type === 'body' && isDto(metadata.metatype)) {
      if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
        throw ApiError.validation({ body: 'The body must be a JSON object' });
      }
      const errors = shapeErrors(value as Record<string, unknown>, metadata.metatype);
      if (Object.keys(errors).length) throw ApiError.validation(errors);
    }
    return super.transform(value, metadata);
  }
}

/** Rejects unknown fields and reports every bad one in `details.fields`. */
export function createValidationPipe(): ValidationPipe {
  return new GatedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    // value is read here to tell a missing field from a wrong one; it is never sent back.
    validationError: { target: false, value: true },
    exceptionFactory: (errors) => ApiError.validation(fieldErrors(errors)),
  });
}
