// V8 flags for the Node process that runs the console's headless host (and the benchmarks' console children,
// measured as it ships). Node 24's V8 sizes the young generation by the machine's memory: 128 MB of new space on
// a 24 GiB machine, touched within seconds of start-up, where Node 20 used 32 MB. The console's allocations are
// short-lived and small, so 16 MB semi-spaces (Node 20's size) cost no throughput and ~110 MB of RSS less
// (npm run bench -- engine, backlog rows). The flag must be given at start: V8 sizes the heap before any code runs.
export const HEADLESS_NODE_FLAGS = ['--max-semi-space-size=16'];
