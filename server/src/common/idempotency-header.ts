import { ApiHeader } from '@nestjs/swagger';

/** Documents the Idempotency-Key header on a mutating endpoint whose service runs through `Idempotency`. */
export const IDEMPOTENCY = ApiHeader({ name: 'Idempotency-Key', required: false, description: 'a retry with the same key returns the first response and acts once' });
