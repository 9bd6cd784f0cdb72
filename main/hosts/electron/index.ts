// The desktop host's parts, for its entry (main/index.ts): the IPC gate in front of the core, the forwarding of
// core events to the window, the locked-down window and the tray.
export { registerIpcGate, type IpcGateOptions, type IpcMainLike } from './ipc-gate';
export { forwardEvents, type EventForwarder } from './event-forwarder';
export { appPageUrl, createMainWindow, lockDown } from './main-window';
export { createTray } from './tray';
