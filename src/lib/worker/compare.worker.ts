/// <reference lib="webworker" />
/**
 * The compare worker: a thin shell (serve.ts) around {@link CompareHost}. All logic lives in
 * compare-host.ts.
 */
import { CompareHost } from './compare-host';
import type { CompareWorkerMessage } from './compare-protocol';
import { serve } from './serve';

serve<CompareWorkerMessage>((env) => new CompareHost(env));
