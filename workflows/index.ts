// The worker's single workflow entry point: every workflow is re-exported here.
export * from './csvIngestion';
