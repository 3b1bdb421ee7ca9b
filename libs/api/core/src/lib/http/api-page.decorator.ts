import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, getSchemaPath } from '@nestjs/swagger';

/** Documents a paged list: `{ items: T[], total, page, pageSize }`. */
export function ApiPageResponse(model: Type<unknown>): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(model),
    ApiOkResponse({
      description: 'A page of results',
      schema: {
        type: 'object',
        required: ['items', 'total', 'page', 'pageSize'],
        properties: {
          items: { type: 'array', items: { $ref: getSchemaPath(model) } },
          total: { type: 'integer', example: 1 },
          page: { type: 'integer', example: 1 },
          pageSize: { type: 'integer', example: 50 },
        },
      },
    }),
  );
}

/** Documents a plain array response. */
export function ApiArrayResponse(model: Type<unknown>): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(model),
    ApiOkResponse({ schema: { type: 'array', items: { $ref: getSchemaPath(model) } } }),
  );
}
