/** GET /api/settings: what every page needs to show the plant's data (shared with web/). */
export interface SettingsResponse {
  /** IANA zone of the plant (PLANT_TIME_ZONE): dates and times are shown in it. */
  plantTimeZone: string;
}
