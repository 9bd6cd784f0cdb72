// The start-up both hosts share (secure the data folder, open the core, explain any failure and close what was
// opened) and where the data folder is by default. Each host has its own front door beside this one:
// hosts/headless (the plain-Node server) and hosts/electron (the desktop app). They are not re-exported here, so
// that the headless host never loads electron and the desktop app never loads the headless server.
export { startHost, type HostStart, type HostStartOptions } from './start-host';
export { defaultDataDir, PRODUCT_NAME } from './default-data-dir';
