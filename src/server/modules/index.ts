import type { FastifyInstance } from 'fastify';
import type { Deps } from '../context';
import { apiTokenRoutes } from './api-tokens/routes';
import { auditRoutes } from './audit/routes';
import { backupRoutes } from './backups/routes';
import { budgetRoutes } from './budget/routes';
import { authRoutes } from './auth/routes';
import { calendarRoutes } from './calendar/routes';
import { dashboardRoutes } from './dashboard/routes';
import { documentRoutes } from './documents/routes';
import { deliveryRoutes } from './deliveries/routes';
import { dossierRoutes } from './dossiers/routes';
import { embedRoutes } from './embeds/routes';
import { evaluationRoutes } from './evaluation/routes';
import { healthRoutes } from './health/routes';
import { indicatorRoutes } from './indicators/routes';
import { nationalRoutes } from './national/routes';
import { notificationRoutes } from './notifications/routes';
import { oidcRoutes } from './oidc/routes';
import { pipelineRoutes } from './pipelines/routes';
import { projectRoutes } from './projects/routes';
import { reportRoutes } from './reports/routes';
import { searchRoutes } from './search/routes';

import { setupRoutes } from './setup/routes';
import { taskRoutes } from './tasks/routes';
import { unitRoutes } from './units/routes';
import { userRoutes } from './users/routes';

/** Every capability module, one line each. */
export const MODULES: Array<(app: FastifyInstance, deps: Deps) => Promise<void>> = [
  healthRoutes,
  authRoutes,
  setupRoutes,
  oidcRoutes,
  unitRoutes,
  userRoutes,
  auditRoutes,
  notificationRoutes,
  calendarRoutes,
  documentRoutes,
  taskRoutes,
  pipelineRoutes,
  projectRoutes,
  budgetRoutes,
  indicatorRoutes,
  reportRoutes,
  dossierRoutes,
  evaluationRoutes,
  dashboardRoutes,
  nationalRoutes,
  backupRoutes,
  apiTokenRoutes,
  searchRoutes,

  embedRoutes,
  deliveryRoutes,
];
