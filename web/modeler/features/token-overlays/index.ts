import TokenOverlays from './token-overlays';

export type { ElementIncident, TokenState } from './token-overlays';
export { TokenOverlays };

export default {
  __init__: ['tokenOverlays'],
  tokenOverlays: ['type', TokenOverlays],
};
