/** A deterministic random number generator in [0, 1) (mulberry32). */
export declare function seededRandom(seed: number): () => number;
