import VersionDiff from './version-diff';

export type { DiffEntry } from './version-diff';
export { VersionDiff };

export default {
  __init__: ['versionDiff'],
  versionDiff: ['type', VersionDiff],
};
