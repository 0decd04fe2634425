/**
 * Webpack build for the Excel task pane (dist/taskpane.html) and the standalone browser page
 * (dist/index.html).
 *
 *   npm run build        production build into dist/ (manifest URLs rewritten, see ADDIN_URL)
 *   npm run build:dev    development build into dist/ (manifest keeps https://localhost:3000/)
 *   npm run dev-server   https://localhost:3000 with the development build, for sideloading
 *
 * Environment:
 *   ADDIN_URL  where the production build will be hosted, over HTTPS, ending in "/"
 *              (default: a placeholder that does not resolve, so a forgotten setting is obvious).
 *              Every "https://localhost:3000/" in manifest.xml becomes ADDIN_URL in
 *              dist/manifest.xml, and the bare origin (AppDomain) becomes ADDIN_URL's origin.
 *
 * Notes:
 * - One TypeScript loader (ts-loader, tsconfig.webpack.json: ES modules so that Fluent UI and
 *   the icons are tree-shaken).
 * - ExcelJS is bundled from its sources (exceljs/lib/exceljs.bare.js, the browser entry without
 *   ExcelJS's core-js/regenerator polyfills, which the pages' ES2020 browsers do not need), not
 *   from its prebuilt dist/exceljs.min.js: that 2023 file carries a full crypto-browserify with
 *   versions of elliptic, sha.js, cipher-base and pbkdf2 that have critical advisories
 *   (docs/afhankelijkheden.md, §3). From source, Node's built-ins resolve as follows:
 *     crypto          -> src/browser/crypto-unavailable.ts (throws; only worksheet.protect needs it)
 *     fs              -> nothing (false): ExcelJS only touches it in its file-name methods
 *     stream          -> readable-stream 3 (the package stream-browserify wraps; used by fast-csv)
 *     util            -> nothing (false): only fast-csv's writeToBuffer/String, never called
 *     buffer, events, string_decoder -> the npm packages of the same name
 *     process, Buffer (globals) -> process/browser and buffer, via ProvidePlugin; ExcelJS
 *                        tests process.browser, and readable-stream uses process.nextTick
 *   jszip resolves to its own prebuilt browser file (its package "browser" field), which brings
 *   its own zlib (pako), so no zlib polyfill is needed. test/e2e/bundle.test.ts checks that no
 *   crypto-browserify code is in dist/.
 * - Since 7 December 2026 the pages import no ExcelJS code: the browser page's worker reads with
 *   its own reader (src/workbook/xlsx-blob.ts) and writes the download with the streaming writer
 *   (src/workbook/xlsx-stream-writer.ts), which bundles only ExcelJS's default theme (an XML
 *   string). The ExcelJS settings here (the alias to its sources, the built-ins above and the
 *   `exceljs` chunk of `isExcelJsModule`) are kept so that a page that imports ExcelJS again gets
 *   it from source, in a chunk of its own that loads only when asked for;
 *   test/e2e/bundle.test.ts checks that dist/ holds no ExcelJS today.
 * - The analysis itself (pipeline, classification, tekort, reports: src/taskpane/session-work.ts)
 *   is imported dynamically by the pane's session when the first run starts, so the pages'
 *   first load carries only what the steps show (test/e2e/bundle.test.ts checks it).
 * - The dev server uses the certificates of office-addin-dev-certs when they are installed
 *   (`npx office-addin-dev-certs install` puts them in ~/.office-addin-dev-certs); otherwise it
 *   falls back to a self-signed certificate that Excel will not trust. Not used in CI.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const webpack = require("webpack");

const DEV_URL = "https://localhost:3000/";
const DEV_ORIGIN = new URL(DEV_URL).origin;
const DEFAULT_ADDIN_URL = "https://www.example.invalid/bat-bzk/";
const DEV_SERVER_PORT = 3000;

/** ExcelJS's browser entry in its sources (see the notes above). */
const EXCELJS_SOURCE_ENTRY = require.resolve("exceljs/lib/exceljs.bare.js");
/** ExcelJS's default theme part, which src/workbook/xlsx-stream-writer.ts imports (see `isExcelJsModule`). */
const EXCELJS_THEME = require.resolve("exceljs/lib/xlsx/xml/theme1.js");
const NO_CRYPTO = path.resolve(__dirname, "src/browser/crypto-unavailable.ts");
const NODE_MODULES = `${path.sep}node_modules${path.sep}`;
const EXCELJS_DIR = `${NODE_MODULES}exceljs${path.sep}`;

/** The production URL from ADDIN_URL: must be https and is normalised to end in "/". */
function productionUrl() {
  const raw = (process.env.ADDIN_URL || DEFAULT_ADDIN_URL).trim();
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`ADDIN_URL is not a valid URL: ${raw}`);
  }
  if (url.protocol !== "https:") throw new Error(`ADDIN_URL must use https (Office requires it): ${raw}`);
  if (url.search || url.hash) throw new Error(`ADDIN_URL must not have a query or fragment: ${raw}`);
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * Rewrites the development URLs in the manifest to the production location: every attribute
 * value starting with https://localhost:3000/ and the AppDomain. XML comments stay as they are;
 * a comment after the XML declaration records the production URL.
 */
function rewriteManifest(content, prodUrl) {
  const prodOrigin = new URL(prodUrl).origin;
  const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const out = content
    .toString("utf8")
    .replace(new RegExp(`="${esc(DEV_URL)}`, "g"), `="${prodUrl}`)
    .replace(new RegExp(`>${esc(DEV_ORIGIN)}/?<`, "g"), `>${prodOrigin}<`)
    .replace(/^(<\?xml[^>]*\?>\r?\n)/, `$1<!-- Production build: URLs rewritten to ${prodUrl} (ADDIN_URL). -->\n`);
  if (out.replace(/<!--[\s\S]*?-->/g, "").includes("localhost")) {
    throw new Error("manifest.xml: a localhost URL was not rewritten for production; extend rewriteManifest in webpack.config.js");
  }
  return out;
}

/** HTTPS options for the dev server from office-addin-dev-certs' default location, if present. */
function devServerHttps() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
    const options = {};
    for (const [k, f] of Object.entries(files)) options[k] = fs.readFileSync(path.join(dir, f));
    return { type: "https", options };
  }
  console.warn(
    "[webpack] No development certificates in ~/.office-addin-dev-certs (run `npx office-addin-dev-certs install` once); " +
      "using a self-signed certificate that Excel will not trust."
  );
  return { type: "https" };
}

/**
 * Whether a module goes into the lazily loaded ExcelJS chunk: ExcelJS itself, and every package
 * module (and our crypto stand-in) that ExcelJS first imported, directly or through other
 * packages (jszip, saxes, dayjs, readable-stream, buffer, …). Walks the chain of issuers (the
 * module that first imported each one) up to the first module of our own; a package module first
 * imported by our own code or by React (such as process/browser) stays where webpack puts it.
 * ExcelJS's default theme (an XML string the streaming writer imports) is not ExcelJS code: it
 * stays with the writer, so a download loads no chunk of its own.
 * @param {import("webpack").Module} module
 * @param {import("webpack").ModuleGraph} moduleGraph
 * @returns {boolean}
 */
function isExcelJsModule(module, moduleGraph) {
  if ((module.resource || "") === EXCELJS_THEME) return false;
  const seen = new Set();
  for (let m = module; m && !seen.has(m); m = moduleGraph.getIssuer(m)) {
    seen.add(m);
    const resource = m.resource || "";
    if (resource.includes(EXCELJS_DIR)) return true;
    if (!resource.includes(NODE_MODULES) && resource !== NO_CRYPTO) return false;
  }
  return false;
}

module.exports = (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  const prodUrl = dev ? null : productionUrl();

  return {
    mode: dev ? "development" : "production",
    target: "web",
    devtool: dev ? "cheap-module-source-map" : "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      browser: "./src/browser/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: dev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: dev ? "[name].js" : "[name].[contenthash:8].js",
      // Relative script URLs: the same dist/ works at any path (https://host/some/dir/).
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".tsx", ".ts", ".js"],
      alias: { exceljs$: EXCELJS_SOURCE_ENTRY, crypto: NO_CRYPTO, fs: false },
      fallback: {
        stream: require.resolve("readable-stream"),
        util: false,
        buffer: require.resolve("buffer/"),
        events: require.resolve("events/"),
        string_decoder: require.resolve("string_decoder/"),
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.webpack.json" } },
        },
      ],
    },
    optimization: {
      // One small runtime file shared by both pages: a change in one page's code leaves the
      // other's files cached.
      runtimeChunk: "single",
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          // ExcelJS stays in its own lazily loaded chunk, whichever entry asks for it.
          exceljs: {
            test: (module, { moduleGraph }) => isExcelJsModule(module, moduleGraph),
            name: "exceljs",
            chunks: "async",
            priority: 20,
            enforce: true,
          },
        },
      },
    },
    performance: {
      hints: dev ? false : "warning",
      // Budgets, minified and uncompressed: the browser page's first load (React DOM about
      // 200 KiB, Fluent UI, zod and our code) and any single file: the largest is the shared
      // Fluent UI chunk (about 630 KiB). A warning means something grew: look before raising
      // these.
      maxEntrypointSize: 1000 * 1024,
      maxAssetSize: 1000 * 1024,
      assetFilter: (file) => file.endsWith(".js"),
    },
    plugins: [
      // Node's globals for ExcelJS and readable-stream (see the notes above). React's production
      // files also name `process` (only as a fallback for error reporting where neither
      // reportError nor window exists), so the 2 KB process shim lands in the shared vendor chunk.
      new webpack.ProvidePlugin({ process: "process/browser", Buffer: ["buffer", "Buffer"] }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        favicon: "assets/icon-32.png",
      }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/browser/index.html",
        chunks: ["browser"],
        // Also spares the browser's automatic /favicon.ico request (a 404 otherwise).
        favicon: "assets/icon-32.png",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : rewriteManifest(content, prodUrl)),
          },
        ],
      }),
    ],
    devServer: {
      host: "localhost",
      port: Number(process.env.npm_package_config_dev_server_port) || DEV_SERVER_PORT,
      // Only computed when serving, so a build never reads or warns about certificates.
      server: env.WEBPACK_SERVE ? devServerHttps() : "https",
      headers: { "Access-Control-Allow-Origin": "*" },
      static: false,
      hot: false,
      client: { overlay: { errors: true, warnings: false } },
    },
  };
};

module.exports.rewriteManifest = rewriteManifest;
module.exports.productionUrl = productionUrl;
