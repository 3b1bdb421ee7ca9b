import { BadRequestException, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ApiError } from './api-error';
import { toErrorBody } from './error-mapping';

describe('toErrorBody', () => {
  it('passes an ApiError through unchanged', () => {
    const error = new ApiError(422, 'BLACKOUT', 'Pick other dates.', { days: ['2027-03-31'] });
    expect(toErrorBody(error)).toEqual({
      body: { statusCode: 422, code: 'BLACKOUT', message: 'Pick other dates.', details: { days: ['2027-03-31'] } },
      unexpected: false,
    });
  });

  it('names an unknown route and points at the docs', () => {
    const { body } = toErrorBody(new NotFoundException('Cannot GET /api/nope'));
    expect(body).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: 'There is no endpoint GET /api/nope; see /api/docs for the API.',
      details: {},
    });
  });

  it('maps a framework 400 to VALIDATION_FAILED', () => {
    expect(toErrorBody(new BadRequestException('bad')).body.code).toBe('VALIDATION_FAILED');
  });

  it('maps a malformed JSON body from fastify to VALIDATION_FAILED with a field', () => {
    const fastifyError = Object.assign(new SyntaxError('Unexpected token } in JSON at position 9'), {
      statusCode: 400,
      code: 'FST_ERR_CTP_INVALID_JSON_BODY',
    });
    const { body } = toErrorBody(fastifyError);
    expect(body.statusCode).toBe(400);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.message).toMatch(/not valid JSON/);
    expect(body.details).toHaveProperty('fields.body');
  });

  it('maps a refused database connection to 503 UNAVAILABLE naming the database', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(toErrorBody(refused).body).toMatchObject({
      statusCode: 503,
      code: 'UNAVAILABLE',
      details: { dependency: 'the database' },
    });
  });

  it('maps an unreachable Redis to 503 naming Redis', () => {
    const error = new Error("Stream isn't writeable and enableOfflineQueue options is false");
    expect(toErrorBody(error).body).toMatchObject({
      statusCode: 503,
      code: 'UNAVAILABLE',
      details: { dependency: 'redis' },
    });
  });

  it('maps an unreadable value the database refused to a 400, not a 500', () => {
    const error = new QueryFailedError(
      'select',
      [],
      Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' }),
    );
    expect(toErrorBody(error).body.statusCode).toBe(400);
  });

  it('hides the text of an unexpected error behind a 500 INTERNAL_ERROR', () => {
    const { body, unexpected } = toErrorBody(new TypeError('secret internals'));
    expect(unexpected).toBe(true);
    expect(body.statusCode).toBe(500);
    expect(body.code).toBe('INTERNAL_ERROR');
    expect(body.message).not.toContain('secret');
  });
});
