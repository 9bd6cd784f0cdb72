export declare const HEADLESS_NODE_FLAGS: string[];
