/**
 * The timeline's time axis in the plant's time zone and the chosen language: vis-timeline
 * computes its ticks with moment in the browser's zone and labels them in English, so it
 * is given a moment shifted to the plant zone's offset (days start at the plant's
 * midnight) and label functions that format through Intl in the plant zone.
 */
import * as vis from 'vis-timeline/standalone';
import { language, t } from '../i18n';
import { timeZone } from './format';
import { axisLabel, zoneOffsetMinutes, type Scale } from './timeline-labels';

interface MomentLike {
  valueOf(): number;
  utcOffset(minutes: number): MomentLike;
}

const visMoment = (vis as unknown as { moment: (input?: unknown) => MomentLike }).moment;

/** The vis-timeline options that put the axis in the plant zone and the chosen language. */
export function plantAxisOptions(): Record<string, unknown> {
  const label = (major: boolean) => (date: MomentLike, scale: Scale) =>
    axisLabel(date.valueOf(), scale, major, language(), timeZone());
  return {
    moment: (input?: unknown) => {
      const m = visMoment(input);
      return m.utcOffset(zoneOffsetMinutes(m.valueOf(), timeZone()));
    },
    format: { minorLabels: label(false), majorLabels: label(true) },
    // vis-timeline's own few words (the current-time bar's title), from the catalogue.
    locale: 'ui',
    locales: {
      ui: {
        current: t('timeline.current'),
        time: t('timeline.time'),
        deleteSelected: t('timeline.deleteSelected'),
      },
    },
  };
}
