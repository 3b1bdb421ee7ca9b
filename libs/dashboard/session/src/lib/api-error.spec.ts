import { HttpErrorResponse } from '@angular/common/http';
import { describeError } from './api-error';

describe('describeError', () => {
  it('uses the API sentence when the body has the contract shape', () => {
    const error = new HttpErrorResponse({
      status: 401,
      error: { statusCode: 401, code: 'UNAUTHORIZED', message: 'Wrong email or password.', details: {} },
    });
    expect(describeError(error)).toEqual({
      message: 'Wrong email or password.',
      body: { statusCode: 401, code: 'UNAUTHORIZED', message: 'Wrong email or password.', details: {} },
    });
  });

  it('explains a network failure in words', () => {
    expect(describeError(new HttpErrorResponse({ status: 0 })).message).toMatch(/Cannot reach Stint/);
  });
});
