/** Dependency probes for the health routes. */
export { pingDatabase } from '../db/health';
