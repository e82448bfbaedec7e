import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DocketError, ErrorDetail } from './docket-error';

/** Unknown fields, wrong types and missing required fields are all refused with their paths. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    exceptionFactory: (errors) =>
      new DocketError(400, 'validation_failed', 'The request is not valid', flatten(errors)),
  });
}

function flatten(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ path, message: tidy(message, error.property) }));
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** class-validator says "property x should not exist"; say it the way a client reads it. */
function tidy(message: string, property: string): string {
  return message === `property ${property} should not exist` ? 'unknown field' : message;
}
