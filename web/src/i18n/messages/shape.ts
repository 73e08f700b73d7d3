/** The shape every other language's catalogue must have: the English keys, any strings. */
export type CatalogueShape<T> = { [K in keyof T]: T[K] extends string ? string : CatalogueShape<T[K]> };
