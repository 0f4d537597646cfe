import { config } from 'zod';
import { run } from './run.js';

// A process parses each schema once or twice: zod's interpreter, not its compiled fast path (the
// compiling, with new Function, costs more than it saves on one parse).
config({ jitless: true });
run();
