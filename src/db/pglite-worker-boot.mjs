// A worker thread starts without the TypeScript loader the main thread registered;
// this registers it, then loads the worker written in TypeScript.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
