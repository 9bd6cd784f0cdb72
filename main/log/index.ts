export { createLogger, REDACT_PATHS, type Logger, type LoggerHandle, type LoggerOptions } from './create-logger';
