/**
 * The page every webview of ours starts from: a CSP that allows only our stylesheets, one script by
 * nonce (fresh per page) and images from where the caller says; the data comes later, by postMessage.
 */
import * as crypto from 'node:crypto';
import * as vscode from 'vscode';

export interface PageParts {
  /** Files in dist/. */
  styles: string[];
  script: string;
  title: string;
  /** Shown until the script draws. */
  loading: string;
  bodyClass?: string;
  /** Image sources beyond the webview's own (remote media, when the user allows it). */
  extraImgSrc?: string;
}

export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, p: PageParts): string {
  const nonce = crypto.randomBytes(18).toString('base64');
  const asset = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', name));
  const img = p.extraImgSrc ? `${webview.cspSource} ${p.extraImgSrc}` : webview.cspSource;
  const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; img-src ${img}; font-src ${webview.cspSource}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
${p.styles.map((s) => `<link rel="stylesheet" href="${asset(s)}">`).join('\n')}
<title>${p.title}</title>
</head>
<body${p.bodyClass ? ` class="${p.bodyClass}"` : ''}>
<div id="root"><div class="status">${p.loading}</div></div>
<script nonce="${nonce}" src="${asset(p.script)}"></script>
</body>
</html>`;
}
