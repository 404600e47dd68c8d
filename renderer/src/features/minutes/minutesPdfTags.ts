/**
 * A tagged PDF (ISO 32000-1, section 14.8): the minutes carry a structure tree
 * (headings, paragraphs, lists, tables, figures with alternative text) in
 * reading order, and everything drawn is either content of an element of that
 * tree or marked as an artifact (page header and footer, table rules). Screen
 * readers and reflow read the tree; without it they guess from the drawing
 * order. Links (the contents' entries) are Link elements that hold their
 * annotation, which says where it leads. jsPDF has no tagging of its own: this class writes the marked-content
 * operators into the page streams and the tree's objects through jsPDF's
 * document events, as its own plugins (outline, annotations) do.
 */
import type { jsPDF } from 'jspdf';

export type Role =
  | 'Document'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'P'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Figure'
  | 'TOC'
  | 'TOCI'
  | 'Reference'
  | 'Link';

/** A page as jsPDF keeps it (its page context): stays the same object when pages before it are deleted. */
type PageKey = object;

interface MarkedContent {
  page: PageKey;
  mcid: number;
}

/** A link annotation, written with its page (jsPDF's own links cannot be tagged: they are not objects of their own). */
interface LinkAnnotation {
  page: PageKey;
  /** [left, bottom, right, top] in points. */
  rect: [number, number, number, number];
  /** The page it leads to (1-based, final numbering). */
  target: number;
  /** What the link says it does, for those who cannot see it. */
  label: string;
  elem: StructElem;
  /** Its object number, once written. */
  objId?: number;
}

type Kid = StructElem | MarkedContent | { annotation: LinkAnnotation };

export interface StructElem {
  readonly role: Role;
  readonly kids: Kid[];
  readonly parent: StructElem | null;
  /** Alternative text (figures). */
  readonly alt?: string;
}

const isElem = (kid: Kid): kid is StructElem => 'role' in kid;

/** A PDF text string in UTF-16BE with its byte-order mark, as hex: any text, no escaping. */
export function pdfTextString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex.toUpperCase()}>`;
}

interface JsPdfInternal {
  write(...text: string[]): void;
  newObjectDeferred(): number;
  newObjectDeferredBegin(id: number, doOutput: boolean): number;
  newAdditionalObject(): { objId: number; content: string };
  scaleFactor: number;
  pageSize: { getHeight(): number };
  events: { subscribe(topic: string, handler: (payload: { pageContext?: PageKey }) => void): unknown };
}

/** A number for the file: at most three decimals. */
const num = (value: number) => String(Math.round(value * 1000) / 1000);

export class PdfTags {
  readonly root: StructElem = { role: 'Document', kids: [], parent: null };
  private readonly stack: StructElem[] = [this.root];
  private readonly nextMcid = new Map<PageKey, number>();
  /** The pages in order, as the document is written. */
  private pages: PageKey[] = [];
  private readonly links: LinkAnnotation[] = [];
  private treeRootId = 0;

  constructor(private readonly doc: jsPDF) {
    const events = this.internal.events;
    events.subscribe('buildDocument', () => {
      this.pages = Array.from(
        { length: doc.getNumberOfPages() },
        (_, i) => doc.getPageInfo(i + 1).pageContext as PageKey,
      );
    });
    // Each page names its entry in the parent tree (the elements its marked content belongs to).
    events.subscribe('putPage', ({ pageContext }) => {
      const index = pageContext ? this.pages.indexOf(pageContext) : -1;
      if (index >= 0) this.internal.write(`/StructParents ${index}`);
      this.writeLinks(pageContext);
    });
    events.subscribe('postPutResources', () => this.writeTree());
    events.subscribe('putCatalog', () => {
      this.internal.write(`/StructTreeRoot ${this.treeRootId} 0 R`);
      this.internal.write('/MarkInfo << /Marked true >>');
    });
    // The window shows the document's title, not its file name.
    doc.viewerPreferences({ DisplayDocTitle: true });
    // Tagging asks for PDF 1.4 and later (jsPDF writes 1.3 unless told); PDF/UA-1 builds on 1.7.
    (doc as unknown as { __private__: { setPdfVersion(version: string): void } }).__private__.setPdfVersion(
      '1.7',
    );
  }

  private get internal(): JsPdfInternal {
    return this.doc.internal as unknown as JsPdfInternal;
  }

  /** The innermost open element: what `mark` adds content to. */
  get current(): StructElem {
    return this.stack[this.stack.length - 1]!;
  }

  /** Opens an element as the next child of the current one. */
  open(role: Role, alt?: string): StructElem {
    const elem: StructElem = { role, kids: [], parent: this.current, ...(alt ? { alt } : {}) };
    this.current.kids.push(elem);
    this.stack.push(elem);
    return elem;
  }

  /** Adds an empty element as the next child of the current one, filled later (`mark` into it, or `reopen`). */
  add(role: Role): StructElem {
    const elem = this.open(role);
    this.close(elem);
    return elem;
  }

  /** Opens an element made earlier again (the contents, drawn last, sit second in the tree). */
  reopen(elem: StructElem): void {
    this.stack.push(elem);
  }

  /** Closes `elem` and whatever is still open inside it. */
  close(elem: StructElem): void {
    const at = this.stack.lastIndexOf(elem);
    if (at <= 0) throw new Error(`PdfTags: ${elem.role} is not open`);
    this.stack.length = at;
  }

  /** Whether `elem` is open. */
  isOpen(elem: StructElem | null): elem is StructElem {
    return elem !== null && this.stack.includes(elem);
  }

  /** Draws `draw` as content of `into` (the current element unless given). */
  mark(draw: () => void, into: StructElem = this.current): void {
    const page = this.doc.getCurrentPageInfo().pageContext as PageKey;
    const mcid = this.nextMcid.get(page) ?? 0;
    this.nextMcid.set(page, mcid + 1);
    this.internal.write(`/${into.role} << /MCID ${mcid} >> BDC`);
    draw();
    if (this.doc.getCurrentPageInfo().pageContext !== page)
      throw new Error('PdfTags: a new page began inside marked content');
    this.internal.write('EMC');
    into.kids.push({ page, mcid });
  }

  /** An element of its own with `draw` as its content. */
  content(role: Role, draw: () => void): void {
    const elem = this.open(role);
    this.mark(draw);
    this.close(elem);
  }

  /**
   * A link to page `target` (1-based, as numbered in the finished file): its
   * text, drawn by `draw`, and its annotation over `box` (in the document's
   * units, from the top left) make one Link element.
   */
  link(
    draw: () => void,
    box: { x: number; y: number; w: number; h: number },
    target: number,
    label: string,
  ): void {
    const elem = this.open('Link');
    this.mark(draw);
    const scale = this.internal.scaleFactor;
    const height = this.internal.pageSize.getHeight() * scale;
    const annotation: LinkAnnotation = {
      page: this.doc.getCurrentPageInfo().pageContext as PageKey,
      rect: [
        box.x * scale,
        height - (box.y + box.h) * scale,
        (box.x + box.w) * scale,
        height - box.y * scale,
      ],
      target,
      label,
      elem,
    };
    this.links.push(annotation);
    elem.kids.push({ annotation });
    this.close(elem);
  }

  /**
   * A page's link annotations, as objects of their own that name their place
   * in the structure. This writes the page's /Annots: jsPDF's own links
   * (doc.link, textWithLink) would write a second one, so the minutes use
   * only these.
   */
  private writeLinks(pageContext: PageKey | undefined): void {
    const links = this.links.filter((link) => link.page === pageContext);
    if (links.length === 0) return;
    for (const link of links) {
      const object = this.internal.newAdditionalObject();
      link.objId = object.objId;
      const target = this.doc.getPageInfo(link.target);
      const top = (target.pageContext as { mediaBox: { topRightY: number } }).mediaBox.topRightY;
      object.content =
        `<< /Type /Annot /Subtype /Link /Rect [${link.rect.map(num).join(' ')}] /Border [0 0 0]` +
        ` /Dest [${target.objId} 0 R /XYZ 0 ${num(top)} null]` +
        ` /StructParent ${this.pages.length + this.links.indexOf(link)} /Contents ${pdfTextString(link.label)} >>`;
    }
    this.internal.write(`/Annots [${links.map((link) => `${link.objId} 0 R`).join(' ')}]`);
    // Tab goes through the annotations in the order of the structure.
    this.internal.write('/Tabs /S');
  }

  /** Drawn for the eye only: rules, shading, running headers and page numbers. */
  artifact(draw: () => void, type: 'Layout' | 'Pagination' = 'Layout'): void {
    const page = this.doc.getCurrentPageInfo().pageContext as PageKey;
    this.internal.write(`/Artifact << /Type /${type} >> BDC`);
    draw();
    if (this.doc.getCurrentPageInfo().pageContext !== page)
      throw new Error('PdfTags: a new page began inside an artifact');
    this.internal.write('EMC');
  }

  /** Writes the structure tree's objects (called by jsPDF while it writes the file). */
  private writeTree(): void {
    const internal = this.internal;
    const pageIds = new Map<PageKey, number>(
      this.pages.map((page, i) => [page, this.doc.getPageInfo(i + 1).objId]),
    );
    // Numbers first: elements point at their parents and their children.
    const ids = new Map<StructElem, number>();
    const order: StructElem[] = [];
    const number = (elem: StructElem) => {
      ids.set(elem, internal.newObjectDeferred());
      order.push(elem);
      for (const kid of elem.kids) if (isElem(kid)) number(kid);
    };
    number(this.root);
    this.treeRootId = internal.newObjectDeferred();
    const parentTree = this.pages.map(() => [] as number[]);

    for (const elem of order) {
      const kids: string[] = [];
      // The page of the element's first marked content: the page its bare MCIDs refer to.
      const first = elem.kids.find((kid): kid is MarkedContent => 'mcid' in kid);
      const elemPage = first ? pageIds.get(first.page) : undefined;
      for (const kid of elem.kids) {
        if ('annotation' in kid) {
          const { annotation } = kid;
          const pageId = pageIds.get(annotation.page);
          if (pageId !== undefined && annotation.objId !== undefined)
            kids.push(`<< /Type /OBJR /Pg ${pageId} 0 R /Obj ${annotation.objId} 0 R >>`);
          continue;
        }
        if (isElem(kid)) {
          // Empty ones too: an empty table cell still holds its column's place.
          kids.push(`${ids.get(kid)} 0 R`);
          continue;
        }
        const pageId = pageIds.get(kid.page);
        // Content of a page deleted afterwards is gone with it.
        if (pageId === undefined) continue;
        // On the element's page a bare number; elsewhere (a paragraph going on on the next page) with its page.
        kids.push(
          pageId === elemPage ? String(kid.mcid) : `<< /Type /MCR /Pg ${pageId} 0 R /MCID ${kid.mcid} >>`,
        );
        parentTree[this.pages.indexOf(kid.page)]![kid.mcid] = ids.get(elem)!;
      }
      const parent = elem.parent ? ids.get(elem.parent)! : this.treeRootId;
      internal.newObjectDeferredBegin(ids.get(elem)!, true);
      // Thousands of these in a long protocol: nothing optional (the /Type of an element is).
      internal.write(
        `<< /S /${elem.role} /P ${parent} 0 R` +
          (elemPage === undefined ? '' : ` /Pg ${elemPage} 0 R`) +
          (elem.alt ? ` /Alt ${pdfTextString(elem.alt)}` : '') +
          // A header cell heads its column (all of the minutes' tables have their headers on top).
          (elem.role === 'TH' ? ' /A << /O /Table /Scope /Column >>' : '') +
          ` /K [${kids.join(' ')}] >>`,
      );
      internal.write('endobj');
    }

    internal.newObjectDeferredBegin(this.treeRootId, true);
    // Keys: one per page (its marked content), then one per link annotation.
    const nums = [
      ...parentTree.map(
        (refs, page) => `${page} [${Array.from(refs, (id) => (id ? `${id} 0 R` : 'null')).join(' ')}]`,
      ),
      ...this.links.map((link, i) => `${this.pages.length + i} ${ids.get(link.elem)} 0 R`),
    ];
    internal.write(
      `<< /Type /StructTreeRoot /K [${ids.get(this.root)} 0 R] /ParentTree << /Nums [${nums.join(' ')}] >>` +
        ` /ParentTreeNextKey ${this.pages.length + this.links.length} >>`,
    );
    internal.write('endobj');
  }
}

const xmlText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * The document's XMP metadata (ISO 16684-1): title, description, author,
 * language and creation date where assistive technology and archives look
 * for them (PDF/UA asks for the title there). Text is escaped for XML;
 * jsPDF writes the packet as it is (addMetadata with raw XML).
 */
export function xmpMetadata(facts: {
  title: string;
  description: string;
  author: string;
  language: string;
  created: Date;
}): string {
  const { title, description, author, language, created } = facts;
  const alt = (text: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xmlText(text)}</rdf:li></rdf:Alt>`;
  return (
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>' +
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">' +
    `<dc:format>application/pdf</dc:format><dc:title>${alt(title)}</dc:title>` +
    `<dc:description>${alt(description)}</dc:description>` +
    (author ? `<dc:creator><rdf:Seq><rdf:li>${xmlText(author)}</rdf:li></rdf:Seq></dc:creator>` : '') +
    `<dc:language><rdf:Bag><rdf:li>${xmlText(language)}</rdf:li></rdf:Bag></dc:language>` +
    `<xmp:CreatorTool>Moderato</xmp:CreatorTool><xmp:CreateDate>${created.toISOString()}</xmp:CreateDate>` +
    '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="r"?>'
  );
}
