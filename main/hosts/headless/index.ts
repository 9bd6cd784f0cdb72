export { startHeadlessServer, isLoopback, type HeadlessServer, type HeadlessServerOptions } from './server';
export { SESSION_COOKIE } from './session-guard';
export { CONTENT_SECURITY_POLICY } from './security-headers';
