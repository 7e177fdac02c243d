// The locale the texts are shown in, for links to AWS documentation in that language (AWS publishes the IAM User
// Guide and the Service Authorization Reference in Japanese under /ja_jp/). Set once by whoever loads the l10n bundle.
let current = 'en';

const AWS_DOC_PATHS: Record<string, string> = { ja: 'ja_jp' };

export function setDocumentationLocale(locale: string): void {
  current = locale;
}

/** The same docs.aws.amazon.com page in the current locale's language, or undefined (English, or not published). */
export function localizedAwsDocUrl(url: string): string | undefined {
  const path = AWS_DOC_PATHS[current.split('-')[0]];
  if (!path || !url.startsWith('https://docs.aws.amazon.com/')) return undefined;
  return url.replace('https://docs.aws.amazon.com/', `https://docs.aws.amazon.com/${path}/`);
}
