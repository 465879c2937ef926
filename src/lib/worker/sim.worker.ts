/// <reference lib="webworker" />
/**
 * The simulation worker: a thin shell (serve.ts) around {@link SimHost}. All logic lives in
 * sim-host.ts.
 */
import type { WorkerMessage } from './protocol';
import { serve } from './serve';
import { SimHost } from './sim-host';

serve<WorkerMessage>((env) => new SimHost(env));
