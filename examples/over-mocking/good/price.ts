// The module under test, seen from this folder.
export * from '../price';
