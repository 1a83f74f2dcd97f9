import { createRouter, createWebHistory, type RouterHistory } from 'vue-router';
import { routes } from '../router/routes';

/**
 * History mode: every page has a real address, so deep links and reloads work (the API serves
 * index.html for any path that is not its own, see api/middleware/staticWeb.ts).
 */
export function createAppRouter(history: RouterHistory = createWebHistory()) {
  return createRouter({ history, routes, scrollBehavior: () => ({ top: 0 }) });
}
