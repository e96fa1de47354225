#!/usr/bin/env bash
# npm package: build the WASM, run the Node tests (shared conformance cases,
# API, and the guide page against the CLI's), then pack the package, install
# the tarball into a fresh project, use it from there, and type-check a
# consumer with tsc --strict; and type-check the declarations `banshi types`
# writes for examples/minzheng.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v node >/dev/null || { echo "missing node" >&2; exit 1; }

./scripts/build-wasm.sh

# The CLI, for the documents test: the package's guide page must be the CLI's, byte for byte.
cargo build -q --locked -p banshi-cli
target_dir=$(cargo metadata --format-version 1 --no-deps | node -e 'let s = ""; process.stdin.on("data", (d) => { s += d; }).on("end", () => console.log(JSON.parse(s).target_directory))')
export BANSHI_CLI="$target_dir/debug/banshi"

(cd bindings/npm && node --test test/)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd bindings/npm && npm pack --silent --pack-destination "$work" >/dev/null)
tarball=$(ls "$work"/banshi-*.tgz)
echo "packed $(basename "$tarball"): $(wc -c < "$tarball") bytes"
listing=$(tar -tzf "$tarball" | sort | tr '\n' ' ')
expected="package/README.md package/api.js package/index.d.ts package/node.js package/package.json package/types.d.ts package/wasm/banshi_wasm.js package/wasm/banshi_wasm_bg.wasm package/web.js "
[ "$listing" = "$expected" ] || { echo "unexpected package contents: $listing" >&2; exit 1; }

# What `banshi types` writes for a catalogue loaded at run time.
cargo run -q --locked -p banshi-cli -- --catalog examples/minzheng types > "$work/minzheng.d.ts"

cd "$work"
npm init -y >/dev/null
npm install --silent --no-audit --no-fund "$tarball" typescript@5.9.3
cat > smoke.mjs <<'JS'
import { assess, check, BanshiError, validateIdNumber, guideHtml } from 'banshi';
const facts = { application_date: '2026-11-27', birth_date: '2026-10-28', proxy: true };
const a = assess({ service: '1.1', facts });
if (!a.checklist.some((i) => i.id === 'birth_certificate')) throw new Error('newborn certificate missing');
const n = check({ service: '1.1', facts, submitted: [{ id: 'hukou_book', originals: 1, copies: 1 }] });
if (n.status !== 'incomplete' || n.missing.length !== 2) throw new Error('notice is wrong');
try { assess({ service: '1.1', facts: { application_date: '2026-02-30' } }); throw new Error('no error'); }
catch (e) { if (!(e instanceof BanshiError) || e.code !== 'INVALID_DATE') throw e; }
if (validateIdNumber('11010519491231002X').valid !== true) throw new Error('id');
if (!guideHtml('10.1').includes('<h1>办事指南</h1>')) throw new Error('guide page');
const merged = assess({ bundle: 'newborn', facts });
const hukou = merged.checklist.find((i) => i.id === 'applicant:hukou_book');
if (merged.bundle.id !== 'newborn' || hukou?.needed_by.map((p) => p.service).join() !== '1.1,8.1') throw new Error('bundle');
console.log('installed package: ok');
JS
node smoke.mjs
cat > consumer.ts <<'TS'
import {
  assess, check, guideHtml, BanshiError, type Assessment, type Notice, type Facts, type ErrorCode, type ProblemCode, type ServiceId,
} from 'banshi';

const facts: Facts = { application_date: '2026-11-27', marital_status: 'unmarried', proxy: false };
const assessment: Assessment = assess({ service: '10.1', facts });
const ids: string[] = assessment.checklist.map((item) => item.id);
const notice: Notice = check({ service: '10.1', facts, submitted: [{ id: 'photos', originals: 4 }] });
const status: 'complete' | 'incomplete' | 'undetermined' | 'accepted_pending' = notice.status;
try {
  assess('{}');
} catch (e) {
  if (e instanceof BanshiError) console.log(e.code, e.detail.message);
}
// @ts-expect-error: not a marital status
const wrong: Facts = { application_date: '2026-11-27', marital_status: 'maried' };
// @ts-expect-error: application_date is required
const missing: Facts = { proxy: true };
// Service ids, material ids and codes are literal unions generated from the catalogue and the core.
// @ts-expect-error: a typo in a service id (10.l) fails to compile
assess({ service: '10.l', facts });
// @ts-expect-error: a typo in a material id fails to compile
check({ service: '10.1', facts, submitted: [{ id: 'phtos', originals: 4 }] });
// @ts-expect-error: a typo in an error code fails to compile
const code: ErrorCode = 'UNKNOWN_FAKT';
const problem: ProblemCode | undefined = notice.defective[0]?.problems[0]?.code;
const service: ServiceId = '8.1';
const page: string = guideHtml(service);
// @ts-expect-error: a typo in a service id fails to compile for the guide page too
guideHtml('10.l');
console.log(ids, status, wrong, missing, code, problem, service, page.length);
TS
cat > bundles.ts <<'TS'
// Issue 11's shapes: bundles of services (一件事一次办), documents on file (免提交), deferral (容缺受理), pledges.
import {
  assess, check, noticeHtml, service, services, vocabulary, type Assessment, type BundleAssessment, type BundleId,
  type BundleNotice, type ErrorCode, type Facts, type Notice, type OnFile, type StandInKind,
} from 'banshi';

const facts: Facts = { application_date: '2026-11-27', birth_date: '2026-11-01', hukou: 'local', proxy: true };
const merged: BundleAssessment = assess({ bundle: 'newborn', facts });
const parts: string[] = merged.checklist.flatMap((item) => item.needed_by.map((p) => `${p.service}:${p.id}`));
const name: string | null = merged.bundle.name;
const onFile: OnFile[] = ['hukou_book', 'proxy:resident_id_card'];
const adHoc: BundleAssessment = assess({ bundle: ['1.1', '8.1'], facts, on_file: onFile });
const by: StandInKind[] | undefined = adHoc.exempt?.map((i) => i.exempt.by);
const notice: BundleNotice = check({ bundle: 'newborn', facts, submitted: [{ id: 'applicant:hukou_book', copies: 2 }] });
const due: string | undefined = notice.deferred?.[0]?.due;
const texts: string[] | undefined = notice.pledged?.[0]?.pledge.texts;
const status: 'complete' | 'incomplete' | 'undetermined' | 'accepted_pending' = notice.status;
const single: Notice = check({ service: '1.1', facts, on_file: ['hukou_book'], submitted: [{ id: 'birth_certificate', pledged: true }] });
const pledge: string | undefined = single.missing[0]?.pledge?.text;
const days: number | undefined = single.missing[0]?.deferrable?.days;
const pledged: string[] | undefined = single.pledged?.map((p) => p.text);
// What a deferral or pledge rests on: one service's decision, or each service's part of a merged item.
const grounds: (string | undefined)[] | undefined = single.deferred?.map((d) => d.decision);
const deferredBy: string[] | undefined = notice.deferred?.[0]?.needed_by.map((p) => p.service);
const pledgedBy: string[][] | undefined = notice.pledged?.map((p) => ('needed_by' in p ? p.needed_by.map((x) => x.service) : [p.service]));
const defectBy: string[] | undefined = notice.defective[0]?.needed_by.map((p) => `${p.service}:${p.id}`);
// What a form offers up front: the declared bundles, the documents that may stand in, the guide's deferrals.
const declared: BundleId[] | undefined = services().bundles?.map((b) => b.id);
const standIns: (StandInKind | undefined)[] = vocabulary().documents.map((d) => d.stand_in?.by);
const guideDays: (number | undefined)[] = service('1.1').materials.map((m) => m.deferrable?.days);
const codes: ErrorCode[] = ['UNKNOWN_BUNDLE', 'UNKNOWN_DOCUMENT'];
// A request as text may be either kind: the answer tells which.
const answer = assess('{"bundle":"newborn","facts":{"application_date":"2026-11-27"}}');
const kind: string = 'bundle' in answer ? (answer satisfies BundleAssessment).merge_rule : (answer satisfies Assessment).service.id;
// @ts-expect-error: a service and a bundle at once
assess({ service: '1.1', bundle: 'newborn', facts });
// @ts-expect-error: a misspelt bundle id
assess({ bundle: 'newbron', facts });
// @ts-expect-error: a bundle of a service that does not exist
assess({ bundle: ['1.1', '8.2'], facts });
// @ts-expect-error: a misspelt document on file
assess({ service: '1.1', facts, on_file: ['hukou_bok'] });
// @ts-expect-error: pledged is a boolean
check({ service: '1.1', facts, submitted: [{ id: 'hukou_book', pledged: 'yes' }] });
// @ts-expect-error: a bundle's submission names a merged item (owner:document), not a service's material
check({ bundle: 'newborn', facts, submitted: [{ id: 'hukou_book', originals: 1 }] });
// @ts-expect-error: a single service's answer is no bundle's
const wrong: BundleAssessment = assess({ service: '1.1', facts });
// @ts-expect-error: the printable notice is one service's
noticeHtml({ bundle: 'newborn', facts });
// @ts-expect-error: a misspelt error code
const code: ErrorCode = 'UNKNOWN_BUNDEL';
console.log(parts, name, by, due, texts, status, pledge, days, pledged, codes, kind, wrong, code);
console.log(grounds, deferredBy, pledgedBy, defectBy, declared, standIns, guideDays);
TS
cat > loaded.ts <<'TS'
// A catalogue loaded at run time, typed by `banshi --catalog examples/minzheng types`.
import { Catalog } from 'banshi';
import type { AssistanceStatus, BundleId, DisabilityGrade, DocumentId, Facts, MaterialId, ServiceId } from './minzheng.js';

const facts: Facts = {
  application_date: '2026-11-27', district_hukou: true, has_disability_certificate: true,
  disability_grade: 'grade_1', disability_type: 'physical', long_term_care_needed: true, monthly_income_per_capita: 600,
  birth_date: null,
};
const service: ServiceId = '2.1';
declare const bundle: string; // examples/minzheng/bundle.json, read by the application
const catalog = Catalog.load(bundle);
const ids: MaterialId[] = catalog.assess(JSON.stringify({ service, facts })).checklist.map((i) => i.id as MaterialId);
const grade: DisabilityGrade = 'grade_3';
const status: AssistanceStatus = 'low_income';
const doc: DocumentId = 'power_of_attorney';
// @ts-expect-error: a misspelt value of a choice fact (grade_1) fails to compile
const misspelt: Facts = { application_date: '2026-11-27', disability_grade: 'grade_one' };
// @ts-expect-error: a count is a number
const income: Facts = { application_date: '2026-11-27', monthly_income_per_capita: '600' };
// @ts-expect-error: hukou is a fact of the embedded catalogue, not of this one
const other: Facts = { application_date: '2026-11-27', hukou: 'local' };
// @ts-expect-error: 10.1 is no service of this catalogue
const embedded: ServiceId = '10.1';
// @ts-expect-error: a misspelt material id
const material: MaterialId = 'power_of_atorney';
const bundleId: BundleId = 'elderly_support';
// @ts-expect-error: newborn is a bundle of the embedded catalogue, not of this one
const otherBundle: BundleId = 'newborn';
console.log(ids, grade, status, doc, misspelt, income, other, embedded, material, bundleId, otherBundle);
TS
npx tsc --strict --noEmit --module nodenext --moduleResolution nodenext --target es2022 --skipLibCheck false \
    consumer.ts bundles.ts loaded.ts
echo "tsc --strict: ok (the package's types, and banshi types for examples/minzheng)"
