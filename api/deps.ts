/** The API is built from the use-case layer's dependencies; re-exported so route files keep one import. */
export type { AppDeps } from '../usecases/deps';
