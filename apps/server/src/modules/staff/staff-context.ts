import type { FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import type { StaffContext } from './staff-access.ts';

export function staffContextOf(request: FastifyRequest): StaffContext {
  if (!request.actor) throw new AppError('AUTH_REQUIRED', 'Sign in to continue');
  return { actor: request.actor, requestId: request.id, ip: request.ip };
}
