import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context';
import { auditRoutes } from './audit/routes';
import { authRoutes } from './auth/routes';
import { calendarRoutes } from './calendar/routes';
import { healthRoutes } from './health/routes';
import { notificationRoutes } from './notifications/routes';
import { unitRoutes } from './units/routes';
import { userRoutes } from './users/routes';

/** Every capability module, one line each. */
export const MODULES: Array<(app: FastifyInstance, deps: Deps) => Promise<void>> = [
  healthRoutes,
  authRoutes,
  unitRoutes,
  userRoutes,
  auditRoutes,
  notificationRoutes,
  calendarRoutes,
];
