/** Node's flags for every production server of the portal (docs/decisions/024). */
export declare const SERVER_NODE_FLAGS: string[];
