/**
 * The web UI's one registration point for process packs: a pack's web home exports a
 * `webPack` from `<home>/web-pack.ts`, and main.ts finds every such file (Vite's
 * import.meta.glob), so the generic UI never names a pack. A pack brings its routes, the
 * navigation entries for the groups that use them, and its catalogue section.
 */
import type { InstanceDetail } from './api/types';
import type { Language, Messages } from './i18n';
import type { FormTexts } from './i18n/form-texts';
import type { Page } from './router';

export interface WebPackRoute {
  path: string;
  title: () => string;
  page: () => Promise<Page>;
}

export interface WebPackNavEntry {
  href: string;
  label: () => string;
  /** Shown to these groups only (any signed-in user when absent). */
  groups?: string[];
}

export interface WebPack {
  name: string;
  routes: WebPackRoute[];
  nav: WebPackNavEntry[];
  /** The pack's catalogue section (`t('<section>.<key>')`). */
  messages?: { section: string } & Record<Language, Messages>;
  /** Translations of the pack's form-js forms: source text → text, per language (i18n/form-texts.ts). */
  formTexts?: FormTexts;
  /** The pack's section on an instance page it has records for (undefined for other instances). */
  instancePanel?(detail: InstanceDetail): InstancePanel | undefined;
}

/** A section a pack adds to an instance page. */
export interface InstancePanel {
  /** Placed below the instance's own sections. */
  section: HTMLElement;
  /** Called after every refresh of the instance. */
  refresh(): Promise<void>;
  /** Extra dates for the instance's timeline. */
  markers(): { id: string; at: string; label: string }[];
}

export function installedPacks(): WebPack[] {
  const modules = import.meta.glob<{ webPack: WebPack }>('./*/web-pack.ts', { eager: true });
  return Object.values(modules)
    .map((m) => m.webPack)
    .sort((a, b) => a.name.localeCompare(b.name));
}
