// The output formats, owned by render: every --format choice and every renderer comes from here.

export const FORMATS = ['table', 'json', 'markdown', 'junit', 'github', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** What every report renders to. JUnit and GitHub annotations speak of budget assertions, so only check has them. */
export const REPORT_FORMATS = ['table', 'json', 'markdown', 'html'] as const satisfies readonly Format[];
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CHECK_FORMATS = FORMATS;
