// The staff page served by SumiServer at /, /app.js and /app.css (no external assets: it runs
// on closed networks, under the CSP in Guard). Edit the three literals below; they are raw
// strings, so backslashes are literal and nothing may contain the closing delimiter.

/// The staff page: HTML, script and stylesheet, each served as is.
enum WebAssets {
    /// The staff page at `GET /` (text/html): choose or drop a file, see what was found on the
    /// drawn pages (or grouped by part, sheet and cell, line), decide 墨消しする／残す per finding,
    /// download the redacted copy and print the check record. Loads only `/app.css` and `/app.js`,
    /// so it runs under the server's CSP with no inline script or style.
    static let indexHTML = #"""
    <!DOCTYPE html>
    <html lang="ja">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="referrer" content="no-referrer">
    <link rel="icon" href="data:,">
    <title>Sumi 個人情報チェック</title>
    <link rel="stylesheet" href="/app.css">
    <script src="/app.js" defer></script>
    </head>
    <body>
    <a class="skip-link" href="#main">本文へ移動</a>
    <header class="site-header">
      <h1 id="page-title">個人情報チェック<span class="brand">（Sumi）</span></h1>
      <p class="lead">公開する前の文書に個人情報が残っていないかを調べ、墨消し版を作ります。</p>
    </header>

    <main id="main">
      <noscript><p class="notice-box">この画面を使うには JavaScript を有効にしてください。</p></noscript>

      <section id="upload" class="card" aria-labelledby="upload-heading">
        <h2 id="upload-heading"><span class="step">1</span>ファイルを選ぶ</h2>
        <div id="drop-zone" class="drop-zone">
          <p class="drop-lead" aria-hidden="true">ここにファイルをドロップ</p>
          <p class="drop-or" aria-hidden="true">または</p>
          <input type="file" id="file-input" class="visually-hidden" aria-describedby="formats privacy"
                 accept=".pdf,.docx,.xlsx,.pptx,.doc,.xls,.ppt,.rtf,.odt,.ods,.odp,.html,.htm,.txt,.csv">
          <label for="file-input" class="button primary file-button">ファイルを選ぶ</label>
          <p id="formats" class="formats">読み取れる形式：PDF、Word（.docx・.doc・.rtf）、Excel（.xlsx・.xls）、PowerPoint（.pptx・.ppt）、OpenDocument（.odt・.ods・.odp）、HTML、テキスト（.txt）、CSV（画像の中の文字はまだ読み取れません）</p>
        </div>
        <p id="privacy" class="privacy">ファイルはこの画面の中と庁内のサーバーだけで扱い、保存はしません。画面を閉じると消えます。</p>

        <form id="token-area" class="token-area" hidden>
          <label for="token-input">アクセス用のトークン</label>
          <p id="token-help" class="help">このサーバーはトークンが必要です。管理者から受け取ったトークンを入れて、もう一度ファイルを選んでください（この画面の中だけで使い、保存しません）。</p>
          <input type="password" id="token-input" autocomplete="off" aria-describedby="token-help">
        </form>

        <div id="progress" class="progress" role="status" aria-live="polite"></div>
        <div id="scan-error" class="error-box" role="alert" hidden></div>
      </section>

      <section id="result" class="card result" aria-labelledby="result-heading" hidden>
        <div class="print-only record-title">
          <p class="record-kind">個人情報チェック　確認記録</p>
        </div>
        <h2 id="result-heading" tabindex="-1"><span class="step">2</span>結果</h2>

        <dl class="file-meta">
          <div><dt>ファイル名</dt><dd id="meta-name"></dd></div>
          <div><dt>大きさ</dt><dd id="meta-size"></dd></div>
          <div><dt>調べた日時</dt><dd id="meta-time"></dd></div>
          <div class="print-only"><dt>印刷した日時</dt><dd id="meta-printed"></dd></div>
          <div class="meta-hash"><dt>SHA-256</dt><dd id="meta-sha"></dd></div>
        </dl>

        <div id="status-box" class="status-box">
          <p id="status-text" class="status-text"></p>
          <p id="legal-summary" class="legal-summary"></p>
        </div>

        <ul id="class-counts" class="class-counts" aria-label="種類ごとの件数"></ul>

        <section id="notices" class="notices" aria-labelledby="notices-heading" hidden>
          <h3 id="notices-heading">確認が必要な点</h3>
          <ul id="notice-list" class="notice-list"></ul>
        </section>

        <div class="columns">
          <section id="doc-view" class="doc-view" aria-labelledby="doc-view-heading">
            <h3 id="doc-view-heading">文書の中の位置</h3>
            <p id="doc-view-help" class="help"></p>
            <div id="pages" class="pages"></div>
            <div id="groups" class="groups" hidden></div>
          </section>

          <section id="findings-panel" class="findings-panel" aria-labelledby="findings-heading">
            <h3 id="findings-heading">見つかった個人情報</h3>
            <p class="help no-print">項目ごとに「墨消しする」か「残す」を選んでください。番号は左の枠の番号と同じです。</p>
            <div class="legend" aria-label="枠の見方">
              <span class="legend-item sev-critical"><span class="swatch" aria-hidden="true"></span>重大</span>
              <span class="legend-item sev-high"><span class="swatch" aria-hidden="true"></span>高</span>
              <span class="legend-item sev-medium"><span class="swatch" aria-hidden="true"></span>中</span>
              <span class="legend-item sev-low"><span class="swatch" aria-hidden="true"></span>低</span>
              <span class="legend-item is-keep"><span class="swatch" aria-hidden="true"></span>残す</span>
            </div>
            <p id="no-findings" class="no-findings" hidden>個人情報は見つかりませんでした。</p>
            <ol id="finding-list" class="finding-list"></ol>
          </section>
        </div>

        <section id="actions" class="actions" aria-labelledby="actions-heading">
          <h3 id="actions-heading"><span class="step">3</span>墨消し版を作る</h3>
          <p id="decision-summary" class="decision-summary" aria-live="polite"></p>
          <div class="button-row no-print">
            <button type="button" id="download-button" class="button primary">墨消し版をダウンロード</button>
            <button type="button" id="print-button" class="button">確認記録を印刷</button>
            <button type="button" id="reset-button" class="button quiet">別のファイルを調べる</button>
          </div>
          <div id="redact-progress" class="progress" role="status" aria-live="polite"></div>
          <div id="redact-result" class="redact-result" role="alert" hidden></div>
          <div class="print-only signature">
            <p>確認した人：＿＿＿＿＿＿＿＿＿＿＿＿　　所属：＿＿＿＿＿＿＿＿＿＿＿＿</p>
          </div>
        </section>
      </section>
    </main>

    <footer class="site-footer">
      <p>自動の検査は見落とすことがあります。公開する前に、必ず人の目でも確かめてください。</p>
    </footer>
    </body>
    </html>
    """#

    /// The page's script at `GET /app.js`: posts the file (held in page memory only) to
    /// `/v1/scan?render=1`, draws the findings' bboxes over the page images (points scaled to
    /// the displayed size by percentages), and posts it again to `/v1/redact` with
    /// `X-Sumi-Decisions`, saving the answer through a Blob URL. Same-origin requests only.
    static let appJS = #"""
    // Sumi staff page. Talks only to its own server (/v1/scan, /v1/redact); the chosen file
    // stays in this page's memory and is never written to storage.
    (function () {
      "use strict";

      var STATUS = {
        clean: { text: "問題なし", cls: "st-clean", icon: "✓" },
        findings: { text: "個人情報が見つかりました", cls: "st-findings", icon: "!" },
        incomplete: { text: "一部を読み取れませんでした（目視で確認してください）", cls: "st-incomplete", icon: "?" },
        error: { text: "読み取れませんでした", cls: "st-error", icon: "×" }
      };
      var STATUS_FALLBACK = {
        clean: "個人情報は見つかりませんでした。",
        findings: "公開する前に、見つかった個人情報を消すか、公開してよい情報か確かめてください。",
        incomplete: "読み取れなかった部分に個人情報がないか、元のファイルを目で確認してください。",
        error: "このファイルは調べられていません。元のファイルを目で確認してください。"
      };
      var LEGAL_ORDER = ["specific_personal_info", "sensitive_personal_info", "personal_info"];
      var LEGAL = {
        specific_personal_info: "特定個人情報",
        sensitive_personal_info: "要配慮個人情報",
        personal_info: "個人情報"
      };
      var SEVERITY = { critical: "重大", high: "高", medium: "中", low: "低" };
      var SOURCE = {
        body: "本文",
        header_footer: "ヘッダー・フッター",
        metadata: "文書のプロパティ（作成者など）",
        annotation: "注釈",
        comment: "コメント",
        tracked_change: "変更履歴",
        hidden_sheet: "非表示のシート",
        hidden_row: "非表示の行",
        hidden_column: "非表示の列",
        html_comment: "HTML のコメント（画面には出ない部分）",
        html_attribute: "HTML の属性（画面には出ない部分）",
        covered: "黒塗りの下の文字",
        invisible_text: "見えない文字",
        attachment: "添付ファイル",
        form_field: "フォームの入力欄",
        notes: "発表者ノート",
        ocr: "画像から読み取った文字"
      };
      var NOTICE = {
        covered_text: "黒塗りの下に文字が残っています。黒い四角で隠しただけで、文字はコピーできます。",
        invisible_text: "見えない文字があります。白い文字やごく小さい文字など、画面に見えなくてもコピーや検索で読み出せます。",
        image_only_page: "画像だけのページがあります。画像の中の文字は読み取れていないので、目で確認してください。",
        time_limit: "時間内に最後まで読み終わりませんでした。読めていない残りの部分は、目で確認してください。",
        size_limit: "ファイルが大きいため、途中までしか読んでいません。残りの部分は、目で確認してください。",
        unreadable_part: "読み取れない部分があります。その部分は調べられていないので、目で確認してください。",
        encrypted: "パスワードで保護されているため、中身を読めませんでした。保護を外してから、もう一度調べてください。",
        unsupported_format: "この形式のファイル（または中身）には対応していません。PDF や Word などに変換してから調べてください。",
        combined_identification: "一つずつは問題なさそうな情報でも、組み合わせると誰のことか分かってしまう箇所があります。削除するか、ぼかした書き方にしてください。",
        embedded_file: "ファイルの中に別のファイルが埋め込まれています。埋め込まれたファイルの中身は調べていないので、確認してください。",
        decode_errors: "文字化けなどで読めない文字がありました。その部分は目で確認してください。",
        unmapped_glyphs: "文字として読み出せない字があります（フォントの作りのため）。その部分は目で確認してください。",
        read_error: "ファイルを読み込む途中でエラーが起きました。元のファイルを目で確認してください。",
        empty_file: "ファイルが空です。中身のあるファイルを選んでください。",
        rules_not_loaded: "検査の規則を読み込めなかったため、何も調べられていません。管理者に連絡してください。"
      };
      // Notice codes that mean part of the file was not read (the rest ask a person to look).
      var UNREAD_CODES = ["image_only_page", "encrypted", "unsupported_format", "decode_errors", "time_limit",
                          "size_limit", "unreadable_part", "unmapped_glyphs", "read_error", "embedded_file", "conversion_failed"];
      var ERRORS = {
        bad_request: "送った内容を受け付けられませんでした。画面を読み込み直して、もう一度お試しください。",
        unauthorized: "このサーバーを使うにはトークンが必要です。「アクセス用のトークン」の欄にトークンを入れてから、もう一度お試しください。",
        too_large: "ファイルが大きすぎて受け付けられませんでした。ファイルを分けてから、もう一度お試しください。",
        unsupported_format: "この形式のファイルには対応していません。PDF、Word、Excel、PowerPoint、HTML、テキスト、CSV、画像のどれかにしてください。",
        busy: "サーバーが混み合っています。少し待ってから、もう一度お試しください。",
        time_limit: "時間内に終わりませんでした。ファイルを分けるなどして、もう一度お試しください。",
        incomplete: "このファイルは一部を読み取れなかったため、墨消し版は作っていません。読み取れなかった部分に個人情報が残っているかもしれないので、元のファイルを目で確認し、手作業で墨消ししてください。",
        proof_failed: "墨消し版を作りましたが、確かめたところ消したはずの文字が残っていたため、お渡ししていません。元のファイルを手作業で墨消ししてください。",
        error: "このファイルは読み取れなかったため、墨消し版を作れません。",
        not_found: "サーバーの設定が違うようです。管理者に連絡してください。",
        network: "サーバーにつながりませんでした。ネットワークの接続を確かめて、もう一度お試しください。",
        bad_response: "サーバーからの返事を読めませんでした。もう一度お試しください。直らないときは管理者に連絡してください。",
        internal_error: "サーバーで問題が起きました。もう一度お試しください。直らないときは管理者に連絡してください。"
      };
      var FULL_DECISIONS_LIMIT = 32768; // bytes of header; beyond this only the ids to keep are sent

      var state = {
        file: null,
        fileReport: null,
        findings: [],
        byId: new Map(),
        decisions: new Map(),
        selected: null,
        scannedAt: null,
        token: "",
        busy: false,
        redactOutcome: null
      };

      function $(id) { return document.getElementById(id); }

      function el(tag, attrs, children) {
        var node = document.createElement(tag);
        if (attrs) {
          Object.keys(attrs).forEach(function (k) {
            var v = attrs[k];
            if (v === null || v === undefined || v === false) return;
            if (k === "class") node.className = v;
            else if (k === "text") node.textContent = v;
            else node.setAttribute(k, v === true ? "" : String(v));
          });
        }
        (children || []).forEach(function (c) {
          if (c === null || c === undefined) return;
          node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
        });
        return node;
      }

      function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

      function formatSize(bytes) {
        if (bytes < 1024) return bytes + " バイト";
        if (bytes < 1024 * 1024) return (bytes / 1024).toFixed(1) + " KB";
        return (bytes / 1024 / 1024).toFixed(1) + " MB";
      }

      var dateFormat = new Intl.DateTimeFormat("ja-JP", {
        year: "numeric", month: "long", day: "numeric", weekday: "short",
        hour: "2-digit", minute: "2-digit", second: "2-digit"
      });
      function formatDate(d) { return dateFormat.format(d); }

      function extOf(name) {
        var i = name.lastIndexOf(".");
        return i > 0 ? name.slice(i + 1) : "";
      }
      function redactedName(name) {
        var i = name.lastIndexOf(".");
        return i > 0 ? name.slice(0, i) + ".redacted." + name.slice(i + 1) : name + ".redacted";
      }

      function requestHeaders(extra) {
        var h = { "Content-Type": "application/octet-stream" };
        if (state.token) h.Authorization = "Bearer " + state.token;
        Object.keys(extra || {}).forEach(function (k) { h[k] = extra[k]; });
        return h;
      }

      function utf8ToBase64(text) {
        var bytes = new TextEncoder().encode(text);
        var chunks = [];
        for (var i = 0; i < bytes.length; i += 0x8000) {
          chunks.push(String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000)));
        }
        return btoa(chunks.join(""));
      }
      function base64ToUtf8(b64) {
        var bin = atob(b64);
        var bytes = new Uint8Array(bin.length);
        for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
        return new TextDecoder("utf-8").decode(bytes);
      }

      // Errors arrive as {"error": {"code", "message"}}; a proxy in between may send anything else.
      function readError(res) {
        var byStatus = { 400: "bad_request", 401: "unauthorized", 404: "not_found", 413: "too_large",
                         415: "unsupported_format", 422: "proof_failed", 503: "busy", 504: "time_limit" };
        var fallback = { code: byStatus[res.status] || "internal_error", message: "", status: res.status,
                         retryAfter: res.headers.get("Retry-After") };
        return res.text().then(function (text) {
          try {
            var body = JSON.parse(text);
            if (body && body.error) {
              fallback.code = body.error.code || fallback.code;
              fallback.message = body.error.message || "";
            }
          } catch (e) { /* not JSON: keep the status's code */ }
          return fallback;
        }, function () { return fallback; });
      }

      function errorNode(err) {
        var plain = ERRORS[err.code] || ERRORS.internal_error;
        var nodes = [el("p", { text: plain })];
        if (err.code === "busy" && err.retryAfter) {
          nodes.push(el("p", { text: "目安：" + err.retryAfter + " 秒ほど待ってから。" }));
        }
        if (err.message) nodes.push(el("p", { class: "detail", text: "サーバーからの説明：" + err.message }));
        if (err.status) nodes.push(el("p", { class: "detail", text: "（コード：" + err.code + "、" + err.status + "）" }));
        return nodes;
      }

      function setProgress(node, text, busy) {
        node.textContent = text || "";
        node.classList.toggle("is-busy", !!busy);
      }

      // ---- Scanning ----

      function startScan(file) {
        if (!file || state.busy) return;
        state.busy = true;
        state.file = file;
        state.fileReport = null;
        state.redactOutcome = null;
        $("result").hidden = true;
        $("scan-error").hidden = true;
        $("file-input").disabled = true;
        setProgress($("progress"), "読み取っています…「" + file.name + "」（" + formatSize(file.size) + "）", true);

        var url = "/v1/scan?filename=" + encodeURIComponent(file.name) + "&render=1";
        fetch(url, { method: "POST", headers: requestHeaders(), body: file, cache: "no-store", credentials: "same-origin" })
          .then(function (res) {
            if (!res.ok) return readError(res).then(function (err) { throw err; });
            return res.json().catch(function () { throw { code: "bad_response" }; });
          })
          .then(function (report) {
            state.scannedAt = new Date();
            render(report);
          })
          .catch(function (err) {
            if (!err || !err.code) err = { code: "network" };
            showScanError(err);
          })
          .then(function () {
            state.busy = false;
            $("file-input").disabled = false;
            $("file-input").value = "";
          });
      }

      function showScanError(err) {
        setProgress($("progress"), "");
        var box = $("scan-error");
        clear(box);
        box.appendChild(el("p", { text: "「" + (state.file ? state.file.name : "") + "」を調べられませんでした。" }));
        errorNode(err).forEach(function (n) { box.appendChild(n); });
        box.hidden = false;
        if (err.code === "unauthorized") {
          $("token-area").hidden = false;
          $("token-input").focus();
        }
      }

      // ---- Rendering the result ----

      function render(report) {
        var f = report && report.files && report.files[0];
        if (!f) { showScanError({ code: "bad_response" }); return; }
        state.fileReport = f;
        state.findings = (f.findings || []).map(function (x, i) { return Object.assign({}, x, { n: i + 1 }); });
        state.byId = new Map();
        state.decisions = new Map();
        state.selected = null;
        state.findings.forEach(function (x) {
          state.byId.set(x.id, x);
          state.decisions.set(x.id, x.suppressed ? "keep" : "remove");
        });

        $("meta-name").textContent = state.file.name;
        $("meta-size").textContent = formatSize(state.file.size);
        $("meta-time").textContent = formatDate(state.scannedAt);
        $("meta-sha").textContent = f.sha256 || "—";

        renderStatus(f);
        renderCounts(f);
        renderNotices(f);
        renderDocument(f, report.pages || []);
        renderFindings();
        renderActions(f);

        $("result").hidden = false;
        var n = state.findings.filter(function (x) { return !x.suppressed; }).length;
        var st = STATUS[f.status] || STATUS.error;
        setProgress($("progress"), "読み取りが終わりました：" + st.text + (n ? "（" + n + " 件）" : ""));
        $("result-heading").focus();
      }

      function renderStatus(f) {
        var st = STATUS[f.status] || STATUS.error;
        var box = $("status-box");
        box.className = "status-box " + st.cls;
        var text = $("status-text");
        clear(text);
        text.appendChild(el("span", { class: "status-icon", "aria-hidden": "true", text: st.icon }));
        text.appendChild(el("span", { text: st.text }));
        var summary = (f.legal && f.legal.summary) || STATUS_FALLBACK[f.status] || "";
        $("legal-summary").textContent = summary;
        var old = box.querySelector(".status-extra");
        if (old) old.remove();
        if (f.status === "findings" && f.fully_read === false) {
          var unread = hasUnread(f);
          box.appendChild(el("p", { class: "status-extra",
            text: unread ? "また、一部を読み取れませんでした（目視で確認してください）。"
                         : "また、目で確かめる必要がある点があります（下の「確認が必要な点」）。" }));
        }
      }

      function hasUnread(f) {
        return (f.notices || []).some(function (n) { return UNREAD_CODES.indexOf(n.code) >= 0; });
      }

      function renderCounts(f) {
        var list = $("class-counts");
        clear(list);
        var counts = {};
        var suppressed = 0;
        state.findings.forEach(function (x) {
          if (x.suppressed) { suppressed++; return; }
          counts[x.legal_class] = (counts[x.legal_class] || 0) + 1;
        });
        LEGAL_ORDER.forEach(function (c) {
          var k = counts[c] || 0;
          list.appendChild(el("li", { class: k ? "" : "zero" },
            [LEGAL[c], el("strong", { text: String(k) }), "件"]));
        });
        if (f.legal && f.legal.persons) {
          list.appendChild(el("li", { class: "count-note" }, ["本人の数（目安）", el("strong", { text: String(f.legal.persons) }), "人"]));
        }
        if (suppressed) {
          list.appendChild(el("li", { class: "count-note" }, ["許可リストで除外", el("strong", { text: String(suppressed) }), "件"]));
        }
      }

      function renderNotices(f) {
        var notices = f.notices || [];
        var list = $("notice-list");
        clear(list);
        $("notices").hidden = notices.length === 0;
        notices.forEach(function (nt) {
          var plain = NOTICE[nt.code] || "確認が必要な点があります。";
          var where = [];
          if (nt.page) where.push(nt.page + "ページ");
          if (nt.part) where.push(partName(nt.part));
          list.appendChild(el("li", { class: "notice", "data-code": nt.code }, [
            el("p", { class: "plain", text: plain + (where.length ? "（" + where.join("・") + "）" : "") }),
            nt.message ? el("p", { class: "detail", text: "詳しく：" + nt.message }) : null
          ]));
        });
      }

      function partName(part) {
        var m;
        if (part === "word/document.xml") return "本文";
        if (part === "word/comments.xml" || /^xl\/comments\d*\.xml$/.test(part) || /^ppt\/comments\//.test(part)) return "コメント";
        if (/^word\/header\d*\.xml$/.test(part)) return "ヘッダー";
        if (/^word\/footer\d*\.xml$/.test(part)) return "フッター";
        if (part === "word/footnotes.xml") return "脚注";
        if (part === "word/endnotes.xml") return "文末脚注";
        if (/^docProps\//.test(part)) return "文書のプロパティ（作成者など）";
        if (part === "xl/sharedStrings.xml") return "セルの文字";
        if ((m = /^ppt\/slides\/slide(\d+)\.xml$/.exec(part))) return m[1] + "枚目のスライド";
        if ((m = /^ppt\/notesSlides\/notesSlide(\d+)\.xml$/.exec(part))) return m[1] + "枚目のスライドのノート";
        return part;
      }

      function isSlides() { return state.fileReport && state.fileReport.format === "pptx"; }

      function pageWord(p) { return isSlides() ? p + "枚目のスライド" : p + "ページ"; }

      function whereText(x) {
        var L = x.location || {};
        var parts = [];
        if (L.sheet) parts.push("シート「" + L.sheet + "」" + (L.cell || ""));
        else if (L.page) parts.push(pageWord(L.page));
        else if (L.part) parts.push(partName(L.part));
        if (!L.sheet && !L.page && L.line) parts.push(L.line + "行目");
        if (x.source && x.source !== "body") {
          var s = SOURCE[x.source] || x.source;
          if (parts.indexOf(s) < 0) parts.push(s);
        }
        return parts.join("・") || "ファイル全体";
      }

      // The context with the found text marked; built from text nodes only.
      function contextNode(tag, x) {
        var node = el(tag, { class: "context" });
        var ctx = (x.context || "").replace(/\t/g, " ｜ ");
        var text = (x.text || "").replace(/\t/g, " ｜ ");
        var at = text ? ctx.indexOf(text) : -1;
        if (at < 0) {
          if (ctx && ctx !== text) node.appendChild(document.createTextNode(ctx + "　"));
          node.appendChild(el("mark", { text: text }));
          return node;
        }
        var before = ctx.slice(0, at), after = ctx.slice(at + text.length);
        if (before.length > 80) before = "…" + before.slice(before.length - 80);
        if (after.length > 80) after = after.slice(0, 80) + "…";
        node.appendChild(document.createTextNode(before));
        node.appendChild(el("mark", { text: text }));
        node.appendChild(document.createTextNode(after));
        return node;
      }

      function renderDocument(f, pages) {
        var pagesNode = $("pages"), groupsNode = $("groups");
        clear(pagesNode);
        clear(groupsNode);
        var placed = new Set();
        pages.forEach(function (p) {
          var onPage = state.findings.filter(function (x) {
            var L = x.location || {};
            return L.page === p.page && Array.isArray(L.bbox) && L.bbox.length === 4;
          });
          var frame = el("div", { class: "page-frame" });
          var img = el("img", {
            src: p.image,
            alt: p.page + "ページ目の画像" + (onPage.length ? "（見つかった " + onPage.length + " か所を番号付きの枠で示しています）" : "")
          });
          frame.appendChild(img);
          onPage.forEach(function (x) {
            placed.add(x.id);
            frame.appendChild(boxNode(x, p));
          });
          pagesNode.appendChild(el("figure", { class: "page", "data-page": p.page }, [
            el("figcaption", { text: p.page + "ページ" }), frame
          ]));
        });
        var rest = state.findings.filter(function (x) { return !placed.has(x.id); });
        if (pages.length) {
          $("doc-view-help").textContent = placed.size
            ? "枠をクリックすると、右の一覧の同じ番号の項目を表示します。"
            : "ページの上に示す枠はありません。";
          if (rest.length) {
            groupsNode.appendChild(el("p", { class: "help", text: "ページの上に位置を示せない項目（文書のプロパティなど）：" }));
          }
        } else {
          $("doc-view-help").textContent = state.findings.length
            ? "このファイルの形式ではページの画像を表示できないため、見つかった場所ごとにまとめています。"
            : "";
        }
        renderGroups(groupsNode, rest);
        groupsNode.hidden = rest.length === 0;
        pagesNode.hidden = pages.length === 0;
        $("doc-view").hidden = pages.length === 0 && rest.length === 0;
      }

      function boxNode(x, p) {
        var b = x.location.bbox;
        var w = p.width || 1, h = p.height || 1;
        var x0 = Math.max(0, Math.min(b[0], b[2])), x1 = Math.min(w, Math.max(b[0], b[2]));
        var y0 = Math.max(0, Math.min(b[1], b[3])), y1 = Math.min(h, Math.max(b[1], b[3]));
        var box = el("div", {
          class: "box sev-" + x.severity + (state.decisions.get(x.id) === "keep" ? " is-keep" : ""),
          "data-fid": x.id,
          "data-n": x.n,
          "aria-hidden": "true",
          title: x.n + "：" + x.label + "（" + (SEVERITY[x.severity] || x.severity) + "）"
        }, [el("span", { class: "box-num" }, [el("span", { text: String(x.n) })])]);
        // Percentages of the page, so the boxes follow the image at any displayed size.
        box.style.left = (x0 / w * 100) + "%";
        box.style.top = (y0 / h * 100) + "%";
        box.style.width = ((x1 - x0) / w * 100) + "%";
        box.style.height = ((y1 - y0) / h * 100) + "%";
        box.addEventListener("click", function () { select(x.id, "view"); });
        return box;
      }

      function groupKey(x) {
        var L = x.location || {};
        if (L.sheet) return { key: "sheet:" + L.sheet, title: "シート「" + L.sheet + "」" };
        if (L.page) return { key: "page:" + L.page, title: pageWord(L.page) };
        if (L.part) return { key: "part:" + L.part, title: partName(L.part), part: L.part };
        if (x.source && x.source !== "body") return { key: "source:" + x.source, title: SOURCE[x.source] || x.source };
        return { key: "body", title: "本文" };
      }

      function itemWhere(x) {
        var L = x.location || {};
        var bits = [];
        if (L.sheet && L.cell) bits.push("セル " + L.cell);
        else if (L.line) bits.push(L.line + "行目");
        if (x.source && x.source !== "body" && !(L.part && partName(L.part) === SOURCE[x.source])) bits.push(SOURCE[x.source] || x.source);
        return bits.join("・");
      }

      function renderGroups(node, findings) {
        var groups = [], byKey = new Map();
        findings.forEach(function (x) {
          var g = groupKey(x);
          if (!byKey.has(g.key)) { g.items = []; byKey.set(g.key, g); groups.push(g); }
          byKey.get(g.key).items.push(x);
        });
        groups.forEach(function (g) {
          var heading = el("h4", { text: g.title }, [
            g.part && g.part !== g.title ? el("span", { class: "part-name", text: g.part }) : null
          ]);
          var list = el("ul", { class: "group-list" });
          g.items.forEach(function (x) {
            var item = el("li", {
              class: "g-item sev-" + x.severity + (state.decisions.get(x.id) === "keep" ? " is-keep" : ""),
              "data-fid": x.id
            }, [
              el("span", { class: "num", "aria-hidden": "true" }, [el("span", { text: String(x.n) })]),
              el("span", { class: "g-body" }, [
                el("span", { class: "visually-hidden", text: x.n + "番 " + x.label + "：" }),
                itemWhere(x) ? el("span", { class: "g-where", text: itemWhere(x) }) : null,
                contextNode("span", x)
              ])
            ]);
            item.addEventListener("click", function () { select(x.id, "view"); });
            list.appendChild(item);
          });
          node.appendChild(el("section", { class: "group", "data-group": g.key }, [heading, list]));
        });
      }

      function renderFindings() {
        var list = $("finding-list");
        clear(list);
        var none = $("no-findings");
        var status = state.fileReport.status;
        none.hidden = state.findings.length > 0;
        none.textContent = status === "clean" ? "個人情報は見つかりませんでした。"
          : status === "error" ? "このファイルは調べられていません。"
          : "読み取れた部分には個人情報は見つかりませんでした。読み取れなかった部分は調べていないので、目で確認してください。";
        none.classList.toggle("is-warning", status !== "clean");
        $("findings-panel").querySelectorAll(".legend, .help").forEach(function (n) { n.hidden = state.findings.length === 0; });
        var hasPages = !$("pages").hidden;
        state.findings.forEach(function (x) {
          var decision = state.decisions.get(x.id);
          var sev = SEVERITY[x.severity] || x.severity;
          var legal = LEGAL[x.legal_class] || x.legal_class;
          var name = "decision-" + x.n;
          var locate = el("button", {
            type: "button", class: "locate",
            "aria-label": x.n + "番 " + x.label + "：" + (hasPages ? "ページの上の位置を表示" : "文書の中の場所を表示")
          }, [el("span", { class: "num", "aria-hidden": "true" }, [el("span", { text: String(x.n) })]),
              el("span", { class: "f-label", text: x.label })]);
          locate.addEventListener("click", function () { select(x.id, "list"); });

          var removeInput = el("input", { type: "radio", name: name, value: "remove", checked: decision === "remove" });
          var keepInput = el("input", { type: "radio", name: name, value: "keep", checked: decision === "keep" });
          [removeInput, keepInput].forEach(function (input) {
            input.addEventListener("change", function () { if (input.checked) setDecision(x.id, input.value); });
          });

          var item = el("li", {
            class: "finding sev-" + x.severity + (decision === "keep" ? " is-keep" : ""),
            id: "finding-" + x.n, "data-fid": x.id, "data-n": x.n
          }, [
            el("div", { class: "f-head" }, [
              locate,
              el("span", { class: "tag sev-" + x.severity }, [el("span", { class: "visually-hidden", text: "重大度：" }), sev]),
              el("span", { class: "tag legal " + x.legal_class }, [el("span", { class: "visually-hidden", text: "法律上の区分：" }), legal]),
              x.suppressed ? el("span", { class: "tag suppressed", text: "許可リスト" }) : null
            ]),
            x.reason ? el("p", { class: "reason", text: x.reason }) : null,
            contextNode("p", x),
            el("p", { class: "where", text: "場所：" + whereText(x) }),
            el("fieldset", { class: "decision" }, [
              el("legend", { class: "visually-hidden", text: x.n + "番（" + x.label + "「" + x.text + "」）の扱い" }),
              el("label", {}, [removeInput, "墨消しする"]),
              el("label", {}, [keepInput, "残す"])
            ]),
            x.suppressed ? el("p", { class: "suppressed-note", text: suppressedWhy(x) }) : null,
            el("p", { class: "print-only decision-print", text: "判断：" + decisionWord(decision) })
          ]);
          item.addEventListener("click", function (ev) {
            if (ev.target.closest("input, label, button")) return;
            select(x.id, "list");
          });
          list.appendChild(item);
        });
      }

      function suppressedWhy(x) {
        var s = x.suppression || {};
        var why = "許可リスト（公表してよい情報の一覧）に載っているため、最初は「残す」にしています。";
        if (s.reason) why += "理由：" + s.reason;
        else if (s.kind === "baseline") why = "以前の確認で残すと決めた項目のため、最初は「残す」にしています。";
        return why;
      }

      function decisionWord(d) { return d === "keep" ? "残す" : "墨消しする"; }

      function setDecision(id, value) {
        state.decisions.set(id, value);
        var x = state.byId.get(id);
        document.querySelectorAll("[data-fid]").forEach(function (node) {
          if (node.getAttribute("data-fid") !== id) return;
          node.classList.toggle("is-keep", value === "keep");
        });
        var item = $("finding-" + x.n);
        if (item) item.querySelector(".decision-print").textContent = "判断：" + decisionWord(value);
        updateDecisionSummary();
      }

      function select(id, origin) {
        var x = state.byId.get(id);
        if (!x) return;
        document.querySelectorAll(".is-selected").forEach(function (n) { n.classList.remove("is-selected"); });
        state.selected = id;
        var targets = [];
        document.querySelectorAll("[data-fid]").forEach(function (n) {
          if (n.getAttribute("data-fid") === id) { n.classList.add("is-selected"); targets.push(n); }
        });
        var smooth = window.matchMedia && !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
        var opts = { block: "nearest", inline: "nearest", behavior: smooth ? "smooth" : "auto" };
        var item = $("finding-" + x.n);
        if (origin === "view") {
          if (item) {
            item.scrollIntoView(opts);
            var btn = item.querySelector(".locate");
            if (btn) btn.focus({ preventScroll: true });
          }
        } else {
          targets.forEach(function (n) { if (n !== item) n.scrollIntoView(opts); });
        }
      }

      function counts() {
        var keep = 0, remove = 0;
        state.findings.forEach(function (x) { if (state.decisions.get(x.id) === "keep") keep++; else remove++; });
        return { keep: keep, remove: remove };
      }

      function updateDecisionSummary() {
        var node = $("decision-summary");
        if (!state.findings.length) { node.textContent = "見つかった項目がないため、墨消しするものはありません。"; return; }
        var c = counts();
        node.textContent = "墨消しする：" + c.remove + " 件　残す：" + c.keep + " 件";
      }

      function renderActions(f) {
        updateDecisionSummary();
        var button = $("download-button");
        var caution = $("actions").querySelector(".caution");
        if (caution) caution.remove();
        var unusable = f.status === "error" || state.findings.length === 0;
        button.disabled = unusable;
        var note = null;
        if (f.status === "error") note = "読み取れなかったファイルは墨消しできません。元のファイルを目で確認してください。";
        else if (f.status === "incomplete" || hasUnread(f)) note = "一部を読み取れなかったファイルのため、墨消し版を作れないことがあります。その場合は元のファイルを手作業で確認してください。";
        else if (!state.findings.length) note = "墨消しする項目がないため、墨消し版は作りません。";
        if (note) $("decision-summary").after(el("p", { class: "caution", text: note }));
        setProgress($("redact-progress"), "");
        $("redact-result").hidden = true;
        clear($("redact-result"));
      }

      // ---- Redaction ----

      function decisionsHeader() {
        var keep = [], remove = [];
        state.findings.forEach(function (x) { (state.decisions.get(x.id) === "keep" ? keep : remove).push(x.id); });
        var full = utf8ToBase64(JSON.stringify({ keep: keep, remove: remove }));
        if (full.length <= FULL_DECISIONS_LIMIT) return full;
        // Very long lists: findings not listed are removed by default, so the ids to keep suffice.
        return utf8ToBase64(JSON.stringify({ keep: keep }));
      }

      function filenameFrom(disposition) {
        if (!disposition) return null;
        var m = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
        if (m) { try { return decodeURIComponent(m[1].trim()); } catch (e) { /* fall through */ } }
        m = /filename\s*=\s*"([^"]+)"/i.exec(disposition);
        return m ? m[1] : null;
      }

      function saveBlob(blob, name) {
        var url = URL.createObjectURL(blob);
        var a = el("a", { href: url, download: name, class: "visually-hidden", tabindex: "-1" });
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
      }

      function download() {
        if (!state.file || state.busy) return;
        var button = $("download-button");
        var result = $("redact-result");
        state.busy = true;
        button.disabled = true;
        result.hidden = true;
        clear(result);
        setProgress($("redact-progress"), "墨消し版を作っています…", true);
        var name = state.file.name;
        fetch("/v1/redact?filename=" + encodeURIComponent(name), {
          method: "POST", headers: requestHeaders({ "X-Sumi-Decisions": decisionsHeader() }),
          body: state.file, cache: "no-store", credentials: "same-origin"
        }).then(function (res) {
          if (!res.ok) return readError(res).then(function (err) { throw err; });
          var summary = null;
          try {
            var h = res.headers.get("X-Sumi-Redaction");
            if (h) summary = JSON.parse(base64ToUtf8(h));
          } catch (e) { summary = null; }
          var outName = filenameFrom(res.headers.get("Content-Disposition")) || redactedName(name);
          return res.blob().then(function (blob) { return { blob: blob, summary: summary, name: outName }; });
        }).then(function (out) {
          saveBlob(out.blob, out.name);
          showRedactSuccess(out);
        }).catch(function (err) {
          if (!err || !err.code) err = { code: "network" };
          showRedactError(err);
        }).then(function () {
          state.busy = false;
          button.disabled = false;
          setProgress($("redact-progress"), "");
        });
      }

      function showRedactSuccess(out) {
        var s = out.summary || {};
        var c = counts();
        var box = $("redact-result");
        box.className = "redact-result is-ok";
        var lines = [];
        if (s.status === "nothing_to_remove") {
          lines.push(el("p", { text: "消す項目がなかったため、元のファイルと同じ内容のまま「" + out.name + "」をダウンロードしました。" }));
        } else {
          lines.push(el("p", { text: "墨消し版「" + out.name + "」をダウンロードしました。" }));
          var removed = typeof s.removed === "number" ? s.removed : c.remove;
          lines.push(el("p", { text: removed + " 件を墨消ししました。残した項目：" + c.keep + " 件。" }));
        }
        if (typeof s.retention === "number" && s.status !== "nothing_to_remove") {
          lines.push(el("p", { class: "detail", text: "消した所のほかの文字は " + (Math.round(s.retention * 1000) / 10) + " % がそのまま残っています。" }));
        }
        if (Array.isArray(s.notes) && s.notes.length) {
          lines.push(el("p", { text: "注意：" }));
          lines.push(el("ul", {}, s.notes.map(function (n) { return el("li", { text: n }); })));
        }
        lines.push(el("p", { class: "detail", text: "ダウンロードしたファイルも、公開する前に開いて目で確かめてください。" }));
        lines.forEach(function (n) { box.appendChild(n); });
        box.hidden = false;
      }

      function showRedactError(err) {
        var box = $("redact-result");
        box.className = "redact-result";
        box.appendChild(el("p", { text: "墨消し版を作れませんでした。" }));
        errorNode(err).forEach(function (n) { box.appendChild(n); });
        box.hidden = false;
        if (err.code === "unauthorized") {
          $("token-area").hidden = false;
        }
      }

      // ---- Wiring ----

      function resetPage() {
        state.file = null;
        state.fileReport = null;
        state.findings = [];
        state.byId = new Map();
        state.decisions = new Map();
        $("result").hidden = true;
        $("scan-error").hidden = true;
        setProgress($("progress"), "");
        clear($("pages"));
        clear($("groups"));
        clear($("finding-list"));
        window.scrollTo(0, 0);
        $("file-input").focus();
      }

      function init() {
        var input = $("file-input");
        var zone = $("drop-zone");
        input.addEventListener("change", function () {
          if (input.files && input.files[0]) startScan(input.files[0]);
        });

        // A file dropped outside the zone must not make the browser leave the page.
        ["dragover", "drop"].forEach(function (type) {
          window.addEventListener(type, function (ev) { ev.preventDefault(); });
        });
        var depth = 0;
        zone.addEventListener("dragenter", function (ev) { ev.preventDefault(); depth++; zone.classList.add("is-dragging"); });
        zone.addEventListener("dragleave", function () { depth = Math.max(0, depth - 1); if (!depth) zone.classList.remove("is-dragging"); });
        zone.addEventListener("dragover", function (ev) { ev.preventDefault(); if (ev.dataTransfer) ev.dataTransfer.dropEffect = "copy"; });
        zone.addEventListener("drop", function (ev) {
          ev.preventDefault();
          depth = 0;
          zone.classList.remove("is-dragging");
          var files = ev.dataTransfer && ev.dataTransfer.files;
          if (!files || !files.length) return;
          startScan(files[0]);
          if (files.length > 1) {
            setProgress($("progress"), "一度に調べられるのは 1 つです。最初のファイル「" + files[0].name + "」を読み取っています…", true);
          }
        });

        $("token-input").addEventListener("input", function (ev) { state.token = ev.target.value.trim(); });
        $("token-area").addEventListener("submit", function (ev) { ev.preventDefault(); input.focus(); });
        $("download-button").addEventListener("click", download);
        $("print-button").addEventListener("click", function () {
          $("meta-printed").textContent = formatDate(new Date());
          window.print();
        });
        window.addEventListener("beforeprint", function () { $("meta-printed").textContent = formatDate(new Date()); });
        $("reset-button").addEventListener("click", resetPage);
      }

      if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
      else init();
    })();
    """#

    /// The page's stylesheet at `GET /app.css`: severity shown by colour and by border style and
    /// fill pattern, visible focus, a two-column layout on wide screens, and a print stylesheet
    /// that turns the result into a check record. System fonts only.
    static let appCSS = #"""
    /* Sumi staff page. No external fonts or images: it runs on a closed network. */
    :root {
      --ink: #1b1b1b;
      --muted: #4a4a4a;
      --line: #8a8a8a;
      --paper: #ffffff;
      --ground: #f3f2ee;
      --accent: #0b4f9c;
      --accent-ink: #ffffff;
      --focus: #0b57d0;
      --critical: #a4001d;
      --high: #b03a00;
      --medium: #765500;
      --low: #1f4f9e;
      --keep: #4f4f4f;
      --ok: #176b2c;
      --warn: #7a4d00;
      --bad: #a4001d;
      --selected: #0b57d0;
      color-scheme: light;
    }

    *, *::before, *::after { box-sizing: border-box; }
    [hidden] { display: none !important; }

    html { font-size: 100%; }
    body {
      margin: 0;
      background: var(--ground);
      color: var(--ink);
      font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Yu Gothic", Meiryo, sans-serif;
      font-size: 1rem;
      line-height: 1.7;
    }

    .visually-hidden {
      position: absolute !important;
      width: 1px; height: 1px;
      margin: -1px; padding: 0; border: 0;
      overflow: hidden;
      clip: rect(0 0 0 0);
      clip-path: inset(50%);
      white-space: nowrap;
    }

    :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
    .skip-link {
      position: absolute; left: 0.5rem; top: -4rem;
      background: var(--paper); color: var(--accent);
      padding: 0.5rem 1rem; border: 2px solid var(--accent); border-radius: 0.25rem;
      z-index: 10;
    }
    .skip-link:focus { top: 0.5rem; }

    .site-header, main, .site-footer { max-width: 96rem; margin: 0 auto; padding: 0 1.25rem; }
    .site-header { padding-top: 1.25rem; padding-bottom: 0.5rem; }
    .site-header h1 { margin: 0; font-size: 1.6rem; font-weight: 700; letter-spacing: 0.02em; }
    .brand { font-weight: 400; font-size: 1rem; color: var(--muted); margin-left: 0.25rem; }
    .lead { margin: 0.25rem 0 0; color: var(--muted); }
    .site-footer { color: var(--muted); font-size: 0.9rem; padding-top: 1rem; padding-bottom: 2rem; }

    h2 { font-size: 1.3rem; margin: 0 0 0.75rem; }
    h3 { font-size: 1.1rem; margin: 0 0 0.5rem; }
    /* The result heading takes focus from the script so that screen readers start there; it is not a control. */
    h2[tabindex="-1"]:focus, h2[tabindex="-1"]:focus-visible { outline: none; }
    .step {
      display: inline-flex; align-items: center; justify-content: center;
      width: 1.7em; height: 1.7em; margin-right: 0.5em;
      border-radius: 50%; background: var(--accent); color: var(--accent-ink);
      font-size: 0.85em;
    }

    .card {
      background: var(--paper);
      border: 1px solid #d5d3cc;
      border-radius: 0.5rem;
      padding: 1.25rem 1.5rem;
      margin: 1rem 0;
    }

    .help { color: var(--muted); font-size: 0.95rem; margin: 0 0 0.75rem; }

    /* Buttons */
    .button {
      display: inline-flex; align-items: center; justify-content: center;
      min-height: 2.75rem; padding: 0.4rem 1.25rem;
      border: 2px solid var(--accent); border-radius: 0.375rem;
      background: var(--paper); color: var(--accent);
      font: inherit; font-weight: 700; cursor: pointer;
      text-decoration: none;
    }
    .button:hover { background: #e8f0fb; }
    .button.primary { background: var(--accent); color: var(--accent-ink); }
    .button.primary:hover { background: #083d79; }
    .button.quiet { border-color: var(--line); color: var(--ink); }
    .button[disabled], .button[aria-disabled="true"] { opacity: 0.55; cursor: not-allowed; }
    .button-row { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 0.75rem 0; }

    /* Upload */
    .drop-zone {
      border: 3px dashed var(--line);
      border-radius: 0.5rem;
      padding: 1.5rem;
      text-align: center;
      background: #fafaf8;
    }
    .drop-zone.is-dragging { border-color: var(--accent); background: #e8f0fb; border-style: solid; }
    .drop-lead { font-size: 1.2rem; font-weight: 700; margin: 0; }
    .drop-or { margin: 0.25rem 0 0.5rem; color: var(--muted); }
    .file-button { font-size: 1.05rem; }
    #file-input:focus + .file-button,
    #file-input:focus-visible + .file-button { outline: 3px solid var(--focus); outline-offset: 3px; }
    #file-input:disabled + .file-button { opacity: 0.55; cursor: progress; }
    .formats { margin: 0.75rem 0 0; font-size: 0.95rem; color: var(--muted); }
    .privacy { font-size: 0.9rem; color: var(--muted); margin: 0.75rem 0 0; }
    .token-area { margin-top: 1rem; padding: 0.75rem 1rem; border-left: 4px solid var(--warn); background: #fff8e6; }
    .token-area label { font-weight: 700; display: block; }
    .token-area input { font: inherit; padding: 0.3rem 0.5rem; border: 2px solid var(--line); border-radius: 0.25rem; min-width: 18rem; }

    .progress:empty { display: none; }
    .progress { margin-top: 1rem; font-weight: 700; display: flex; align-items: center; gap: 0.6rem; }
    .progress.is-busy::before {
      content: ""; width: 1.1rem; height: 1.1rem; flex: none;
      border: 3px solid #c9d6ea; border-top-color: var(--accent); border-radius: 50%;
      animation: spin 0.9s linear infinite;
    }
    @keyframes spin { to { transform: rotate(360deg); } }
    @media (prefers-reduced-motion: reduce) { .progress.is-busy::before { animation: none; border-top-color: var(--accent); } }

    .error-box, .redact-result {
      margin-top: 1rem; padding: 0.75rem 1rem;
      border: 2px solid var(--bad); border-left-width: 8px; border-radius: 0.25rem;
      background: #fff1f1;
    }
    .error-box p, .redact-result p { margin: 0 0 0.4rem; }
    .error-box .detail, .redact-result .detail, .notice .detail { color: var(--muted); font-size: 0.9rem; }
    .redact-result.is-ok { border-color: var(--ok); background: #eef8f0; }
    .redact-result ul { margin: 0.25rem 0 0; padding-left: 1.25rem; }

    /* Result header */
    .file-meta { display: flex; flex-wrap: wrap; gap: 0.25rem 2rem; margin: 0 0 1rem; font-size: 0.95rem; }
    .file-meta div { display: flex; gap: 0.5rem; }
    .file-meta dt { color: var(--muted); }
    .file-meta dd { margin: 0; font-weight: 700; word-break: break-all; }
    .meta-hash dd { font-weight: 400; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 0.8rem; }

    .status-box {
      border: 2px solid var(--line); border-left-width: 10px; border-radius: 0.375rem;
      padding: 0.75rem 1.25rem; margin-bottom: 1rem;
    }
    .status-text { font-size: 1.35rem; font-weight: 700; margin: 0; display: flex; align-items: center; gap: 0.6rem; }
    .status-icon {
      display: inline-flex; align-items: center; justify-content: center; flex: none;
      width: 1.6em; height: 1.6em; border-radius: 50%; color: #fff; font-size: 0.9em;
    }
    .legal-summary { font-size: 1.1rem; margin: 0.5rem 0 0; }
    .status-extra { margin: 0.4rem 0 0; font-weight: 700; color: var(--warn); }
    .st-clean { border-color: var(--ok); background: #eef8f0; }
    .st-clean .status-icon { background: var(--ok); }
    .st-findings { border-color: var(--bad); background: #fff1f1; }
    .st-findings .status-icon { background: var(--bad); }
    .st-incomplete { border-color: var(--warn); background: #fff8e6; border-style: dashed; border-left-style: solid; }
    .st-incomplete .status-icon { background: var(--warn); }
    .st-error { border-color: var(--keep); background: #f0f0f0; }
    .st-error .status-icon { background: var(--keep); }

    .class-counts { list-style: none; padding: 0; margin: 0 0 1rem; display: flex; flex-wrap: wrap; gap: 0.5rem 0.75rem; }
    .class-counts li { border: 1px solid var(--line); border-radius: 0.375rem; padding: 0.3rem 0.8rem; background: #fafaf8; }
    .class-counts strong { font-size: 1.2rem; margin: 0 0.15rem 0 0.4rem; }
    .class-counts .zero { color: var(--muted); }
    .class-counts .count-note { border-style: dashed; }

    /* Notices */
    .notices { border: 2px solid var(--warn); border-radius: 0.375rem; padding: 0.75rem 1.25rem; margin-bottom: 1rem; background: #fffaf0; }
    .notice-list { margin: 0; padding-left: 1.25rem; }
    .notice { margin-bottom: 0.5rem; }
    .notice .plain { font-weight: 700; margin: 0; }
    .notice .detail { margin: 0; }

    /* Two columns */
    .columns { display: grid; grid-template-columns: 1fr; gap: 1.25rem; }
    @media (min-width: 60rem) {
      .columns { grid-template-columns: minmax(0, 3fr) minmax(22rem, 2fr); align-items: start; }
      .doc-view { position: sticky; top: 0.5rem; max-height: calc(100vh - 1rem); overflow: auto; padding-right: 0.25rem; }
    }

    .pages { display: flex; flex-direction: column; gap: 1.25rem; }
    .page { margin: 0; }
    .page figcaption { font-weight: 700; margin-bottom: 0.25rem; }
    .page-frame { position: relative; margin: 1.4rem 0 0; line-height: 0; }
    .page-frame img { display: block; width: 100%; height: auto; outline: 1px solid var(--line); outline-offset: -1px; background: #fff; }

    /* Boxes drawn over the page: colour plus a border style and a fill pattern per severity. */
    .box {
      position: absolute;
      border: 2px solid currentColor;
      cursor: pointer;
      line-height: 1.2;
    }
    .box.sev-critical {
      color: var(--critical); border-width: 3px; border-style: double;
      background: repeating-linear-gradient(45deg, rgba(164, 0, 29, 0.2) 0 1.5px, transparent 1.5px 6px),
                  repeating-linear-gradient(-45deg, rgba(164, 0, 29, 0.2) 0 1.5px, transparent 1.5px 6px);
    }
    .box.sev-high {
      color: var(--high);
      background: repeating-linear-gradient(45deg, rgba(176, 58, 0, 0.16) 0 1.5px, transparent 1.5px 6px);
    }
    .box.sev-medium {
      color: var(--medium); border-style: dashed;
      background: repeating-linear-gradient(90deg, rgba(118, 85, 0, 0.14) 0 1.5px, transparent 1.5px 6px);
    }
    .box.sev-low { color: var(--low); border-style: dotted; background: rgba(31, 79, 158, 0.08); }
    .box.is-keep { color: var(--keep); border-style: dashed; border-width: 2px; background: none; }
    .box:hover { z-index: 2; }
    .box.is-selected {
      z-index: 3;
      outline: 3px solid var(--selected); outline-offset: 2px;
      box-shadow: 0 0 0 6px rgba(11, 87, 208, 0.25);
    }
    .box-num {
      /* The number sits just left of the box, so it never covers the found text or the line above. */
      position: absolute; right: calc(100% + 1px); top: 50%; transform: translateY(-50%);
      min-width: 1.1rem; padding: 0 0.2rem;
      background: currentColor; border-radius: 0.2rem;
      font-size: 0.7rem; font-weight: 700; text-align: center; line-height: 1.05rem; white-space: nowrap;
    }
    .box-num span { color: #fff; }
    .box.is-keep .box-num span::after { content: " 残"; }
    .box.is-selected .box-num { background: var(--selected); }

    /* Grouped view for formats without page images */
    .groups { display: flex; flex-direction: column; gap: 1rem; }
    .group { border: 1px solid #d5d3cc; border-radius: 0.375rem; padding: 0.5rem 1rem 0.75rem; background: #fafaf8; }
    .group h4 { margin: 0 0 0.25rem; font-size: 1rem; }
    .group .part-name { font-weight: 400; color: var(--muted); font-size: 0.8rem; margin-left: 0.5rem; font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
    .group-list { list-style: none; margin: 0; padding: 0; }
    .g-item {
      display: flex; gap: 0.6rem; align-items: baseline;
      padding: 0.35rem 0.5rem; margin: 0.25rem 0;
      border-left: 5px solid currentColor; background: var(--paper); cursor: pointer;
    }
    .g-item .g-body { color: var(--ink); }
    .g-item .g-where { color: var(--muted); font-size: 0.85rem; margin-right: 0.5rem; }
    .g-item.is-selected { outline: 3px solid var(--selected); outline-offset: 1px; }
    .g-item.is-keep { color: var(--keep); border-left-style: dashed; }

    .num {
      display: inline-flex; align-items: center; justify-content: center; flex: none;
      min-width: 1.7rem; height: 1.7rem; padding: 0 0.3rem;
      border-radius: 0.25rem; background: currentColor; font-weight: 700; font-size: 0.9rem;
    }
    .num span { color: #fff; }

    /* Findings list */
    .legend { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; font-size: 0.85rem; margin-bottom: 0.75rem; }
    .legend-item { display: inline-flex; align-items: center; gap: 0.3rem; }
    .legend-item .swatch { width: 1.6rem; height: 1rem; border: 2px solid currentColor; display: inline-block; }
    .legend-item.sev-critical .swatch { border-style: double; border-width: 3px; background: repeating-linear-gradient(45deg, rgba(164, 0, 29, 0.35) 0 2px, transparent 2px 5px), repeating-linear-gradient(-45deg, rgba(164, 0, 29, 0.35) 0 2px, transparent 2px 5px); }
    .legend-item.sev-high .swatch { background: repeating-linear-gradient(45deg, rgba(176, 58, 0, 0.35) 0 2px, transparent 2px 5px); }
    .legend-item.sev-medium .swatch { border-style: dashed; background: repeating-linear-gradient(90deg, rgba(118, 85, 0, 0.3) 0 2px, transparent 2px 5px); }
    .legend-item.sev-low .swatch { border-style: dotted; }
    .legend-item.is-keep .swatch { border-style: dashed; }
    .legend-item { color: var(--ink); }
    .legend-item.sev-critical .swatch { color: var(--critical); }
    .legend-item.sev-high .swatch { color: var(--high); }
    .legend-item.sev-medium .swatch { color: var(--medium); }
    .legend-item.sev-low .swatch { color: var(--low); }
    .legend-item.is-keep .swatch { color: var(--keep); }

    .sev-critical { color: var(--critical); }
    .sev-high { color: var(--high); }
    .sev-medium { color: var(--medium); }
    .sev-low { color: var(--low); }
    .is-keep { color: var(--keep); }

    .finding-list { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 0.75rem; }
    .finding {
      border: 1px solid #cfcdc6; border-left: 8px solid currentColor; border-radius: 0.375rem;
      padding: 0.6rem 0.9rem 0.7rem; background: var(--paper);
    }
    .finding.sev-critical { border-left-style: double; border-left-width: 10px; }
    .finding.sev-medium { border-left-style: dashed; }
    .finding.sev-low { border-left-style: dotted; }
    .finding.is-keep { border-left-style: dashed; background: #f6f6f4; }
    .finding.is-selected { outline: 3px solid var(--selected); outline-offset: 2px; box-shadow: 0 0 0 6px rgba(11, 87, 208, 0.18); }
    .finding > * { color: var(--ink); }
    .f-head { display: flex; flex-wrap: wrap; align-items: center; gap: 0.4rem 0.6rem; }
    .locate {
      display: inline-flex; align-items: center; gap: 0.5rem;
      border: 0; background: none; padding: 0.1rem 0.2rem; margin: -0.1rem -0.2rem;
      font: inherit; font-weight: 700; font-size: 1.05rem; color: var(--ink); cursor: pointer; text-align: left;
      border-radius: 0.25rem;
    }
    .locate:hover .f-label { text-decoration: underline; }
    .finding .locate .num { color: inherit; }
    .finding.sev-critical .locate .num { background: var(--critical); }
    .finding.sev-high .locate .num { background: var(--high); }
    .finding.sev-medium .locate .num { background: var(--medium); }
    .finding.sev-low .locate .num { background: var(--low); }
    .finding.is-keep .locate .num { background: var(--keep); }
    .tag { display: inline-block; border: 1px solid currentColor; border-radius: 1rem; padding: 0 0.6rem; font-size: 0.85rem; font-weight: 700; }
    .finding .tag.sev-critical { color: var(--critical); }
    .finding .tag.sev-high { color: var(--high); }
    .finding .tag.sev-medium { color: var(--medium); }
    .finding .tag.sev-low { color: var(--low); }
    .tag.legal { color: var(--ink); border-color: var(--line); font-weight: 400; }
    .tag.legal.specific_personal_info, .tag.legal.sensitive_personal_info { font-weight: 700; border-width: 2px; }
    .tag.suppressed { color: var(--keep); border-style: dashed; font-weight: 400; }
    .reason { margin: 0.35rem 0 0; }
    .context { margin: 0.25rem 0 0; padding: 0.3rem 0.6rem; background: #f6f6f3; border-radius: 0.25rem; word-break: break-all; font-size: 0.95rem; }
    mark { background: #ffe066; color: #000; padding: 0 0.1em; border-bottom: 2px solid #000; }
    .where { margin: 0.25rem 0 0; color: var(--muted); font-size: 0.9rem; }
    .decision { border: 0; padding: 0; margin: 0.5rem 0 0; display: flex; flex-wrap: wrap; gap: 0.5rem; }
    .decision label {
      display: inline-flex; align-items: center; gap: 0.4rem;
      border: 2px solid var(--line); border-radius: 0.375rem; padding: 0.2rem 0.8rem;
      cursor: pointer; background: var(--paper);
    }
    .decision input { width: 1.1rem; height: 1.1rem; margin: 0; accent-color: var(--accent); }
    .decision label:has(input:checked) { border-color: var(--accent); background: #e8f0fb; font-weight: 700; }
    .decision label:has(input:focus-visible) { outline: 3px solid var(--focus); outline-offset: 2px; }
    .suppressed-note { margin: 0.35rem 0 0; font-size: 0.9rem; color: var(--muted); }
    .no-findings { font-weight: 700; color: var(--ok); }
    .no-findings.is-warning { color: var(--warn); }

    .actions { border-top: 1px solid #d5d3cc; margin-top: 1.25rem; padding-top: 1rem; }
    .decision-summary { margin: 0; font-weight: 700; }
    .caution { color: var(--warn); font-weight: 700; margin: 0.25rem 0 0; }

    .print-only, .file-meta div.print-only { display: none; }

    /* The check record: print the result page as it stands. */
    @media print {
      @page { size: A4; margin: 14mm 12mm; }
      body { background: #fff; font-size: 10.5pt; line-height: 1.5; }
      * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
      .site-header, .skip-link, #upload, .no-print, .button-row, .decision, .help, .progress, .token-area { display: none !important; }
      h2, h3 { break-after: avoid; }
      .print-only { display: block; }
      .file-meta div.print-only { display: flex; }
      .record-title .record-kind { font-size: 16pt; font-weight: 700; margin: 0 0 4pt; border-bottom: 2px solid #000; }
      .card { border: 0; padding: 0; margin: 0; }
      .step { display: none; }
      .columns { display: block; }
      .doc-view { position: static; max-height: none; overflow: visible; }
      .page { break-inside: avoid; margin-bottom: 8pt; }
      .page-frame img { max-height: 125mm; width: auto; max-width: 100%; }
      .page-frame { display: inline-block; }
      .finding, .notice, .g-item, .status-box { break-inside: avoid; }
      .finding.is-selected, .box.is-selected, .g-item.is-selected { outline: 0; box-shadow: none; }
      .decision-print { margin: 0.25rem 0 0; font-weight: 700; }
      .signature { margin-top: 16pt; }
      a[href]::after { content: ""; }
    }
    """#
}
