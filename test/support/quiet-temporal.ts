// Jest setupFiles: the Temporal worker runtime logs warnings and errors only in tests.
import { installWorkerRuntime } from '../../runtime/worker-runtime';

installWorkerRuntime(process.env.TEST_LOG_LEVEL ?? 'warn');
