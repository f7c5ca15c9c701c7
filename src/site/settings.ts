import {extname} from 'node:path'
import {markdownToHtml} from './markdown.js'

/** What the archivist says of the site (`gazette.config.yaml`); each has a default. */
export interface SiteText {
  title?: string | undefined
  description?: string | undefined
  /** BCP 47 language tag of the pages. */
  language?: string | undefined
  /** Markdown of the about page. */
  about?: string | undefined
  /** Markdown of the footer. */
  footer?: string | undefined
  /** Path of an image file, copied to the site as `logo.<ext>`. */
  logo?: string | undefined
}

/** Site-wide settings, as global data `site`. */
export interface SiteSettings {
  /** Absolute URL of the published site, for feeds and the sitemap (optional). */
  url: string
  /** Prefix every URL lives under, e.g. `/gazettes/` on GitHub Pages. */
  basePath: string
  title: string
  description: string
  language: string
  /** HTML of the about page and the footer, from their Markdown; empty when not given. */
  aboutHtml: string
  footerHtml: string
  /** URL path of the logo in the site (`/logo.png`), and the file it is copied from; empty without one. */
  logo: string
  logoFile: string
  /** Each newspaper page's text as extracted is published beside it (`page.txt`). */
  originals: boolean
  /**
   * URL paths of the stylesheet and the citation script every page links, with a version of their
   * source (`/assets/style.css?v=…`): a browser caches them once for the whole site, and a change of
   * templates changes the URL.
   */
  assets: {style: string; cite: string}
}

/** The defaults of what the archivist may say. */
export const defaultSiteText = {
  title: '地方报纸档案',
  description: '地方报纸版面与稿件档案：按地方、日期、版面浏览，全文检索。',
  language: 'zh-CN'
}

/**
 * Site settings from the archivist's text (Markdown made HTML, defaults filled in) and what the build knows of
 * the site: its original texts and its asset URLs.
 */
export function siteSettingsOf(
  text: SiteText,
  url: string,
  basePath: string,
  built: Pick<SiteSettings, 'originals' | 'assets'>
): SiteSettings {
  return {
    url,
    basePath,
    title: text.title ?? defaultSiteText.title,
    description: text.description ?? defaultSiteText.description,
    language: text.language ?? defaultSiteText.language,
    aboutHtml: text.about ? markdownToHtml(text.about) : '',
    footerHtml: text.footer ? markdownToHtml(text.footer) : '',
    logo: text.logo ? `/logo${extname(text.logo).toLowerCase()}` : '',
    logoFile: text.logo ?? '',
    ...built
  }
}
