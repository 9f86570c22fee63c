"""Section headings that a converter prints as plain lines, without the bold or the Markdown
marks that said what they are: what the text itself shows of them."""

from __future__ import annotations

import resodiff
from resodiff.model import plain_text

HEAD = "A/RES/99/1\n\nGeneral Assembly\n\n99/1. A title\n\nThe General Assembly,\n\nRecalling its resolutions,\n\n"


def test_a_series_label_alone_on_its_line_is_the_title_of_the_paragraph_after_it() -> None:
    """``Article 10`` whose bold a converter lost, over an unnumbered paragraph: no sentence
    goes on after a label alone."""
    body = "1. Recalls the statute:\n\nArticle 4\n\nThe Board shall report on:\n\n(a) Its work.\n"
    resolution = resodiff.read_text(HEAD + body)
    texts = [p.text.strip() for p in resolution.operative]
    assert texts[:2] == ["Recalls the statute:", "The Board shall report on:"]
    assert plain_text(resolution.operative[1].sections[-1].heading).strip() == "Article 4"
    # a label that its text form finishes with a hard break is a paragraph of its own
    finished = resodiff.read_text(HEAD + body.replace("Article 4\n", "Article 4\\\n"))
    assert [p.text.strip() for p in finished.operative][1] == "Article 4"


WRAPPED_HEAD = "A/RES/99/1\nGeneral Assembly\n99/1. Pact for the Future\nThe General Assembly,\n"
#: plain pdftotext lines (full ones hold 86 to 94 characters): bold counted titles between the
#: numbered paragraphs, whose numbers go on under them, and an annex with no closing before it
PACT = [
    "Recalling its previous resolutions on the cooperation between the United Nations and the",
    "regional organizations, in particular those on peace and security and on development,",
    "1. Adopts the following pact for the future and decides to act as it sets out below:",
    "2. We reaffirm that the goals of the pact are comprehensive and far-reaching, and that they",
    "are universal and transformative for all people everywhere. We decide to:",
    "(a) Take bold action now;",
    "(b) Remove all obstacles to sustainable development and refrain from any coercion.",
    "Action 2. We will place the eradication of poverty at the centre of our efforts to achieve the",
    "2030 Agenda.",
    "3. Eradicating poverty in all its forms is an imperative for all humankind. We decide to",
    "act on it.",
    "Action 3. We will support the Secretary-General to strengthen the role of the regional",
    "Commissions in supporting international cooperation in science, technology and innovation.",
    "4. We recognize the critical role of the regional commissions in science and technology.",
    "Annex I",
    "Global Compact",
    "1. Digital technologies are transforming our world.",
]


def test_counted_titles_between_numbered_paragraphs_are_headings() -> None:
    resolution = resodiff.read_text(WRAPPED_HEAD + "\n".join(PACT) + "\n")
    assert [p.num for p in resolution.operative] == ["1.", "2.", "3.", "4."]
    titles = [plain_text(p.sections[-1].heading) for p in resolution.operative[2:]]
    assert [title.split(".")[0] for title in titles] == ["Action 2", "Action 3"]
    # the title's sentence goes on to its full stop, though its next line opens with a capital
    assert titles[1].endswith("science, technology and innovation.")


def test_an_annex_heading_alone_after_a_finished_paragraph_opens_the_annex() -> None:
    """Where DGACM's file has no closing lines before the annex."""
    resolution = resodiff.read_text(WRAPPED_HEAD + "\n".join(PACT) + "\n")
    assert [len(annex.paragraphs) for annex in resolution.annexes] == [1]


def test_a_participle_after_an_adverb_opens_a_preambular_paragraph_after_a_full_line() -> None:
    """``Further committing`` after a full line that ends with a comma, though ``Further`` stands
    inside lines too: the adverb and its participle are no name."""
    lines = [
        "Recalling its previous resolutions on the cooperation between the United Nations and the",
        "regional organizations, in particular those on peace and security and on development,",
        "Further committing to build a stronger and more effective multilateral system based on law,",
        "1. Decides to act on the matter at its next session. Further, it requests a report on it.",
        "2. Requests the Secretary-General to report. Further, it decides to consider the matter.",
        "3. Decides to remain seized of the matter.",
    ]
    resolution = resodiff.read_text(WRAPPED_HEAD + "\n".join(lines) + "\n")
    assert [p.text.split()[0] for p in resolution.preamble] == ["Recalling", "Further"]


def test_a_french_preambular_adjective_in_the_plural_opens_a_paragraph() -> None:
    """A declaration's ``Nous, …`` opens its paragraphs with plural adjectives (``Conscients``)."""
    head = "A/RES/99/1\nAssemblée générale\n99/1. Pacte pour l’avenir\nL’Assemblée générale,\n"
    lines = [
        "Rappelant ses résolutions antérieures sur la coopération entre l’Organisation des Nations",
        "Unies et les organisations régionales, notamment en matière de paix, de sécurité, de droits,",
        "Conscients que les décisions des générations actuelles ont un effet sur les générations,",
        "1. Décide de rester saisie de la question.",
    ]
    resolution = resodiff.read_text(head + "\n".join(lines) + "\n")
    assert [p.text.split()[0] for p in resolution.preamble] == ["Rappelant", "Conscients"]


#: ``pdftotext -layout`` lines of an invented annex: sub-headings printed as plain lines between
#: a paragraph that introduces lettered clauses and its clauses, and between two clauses (one
#: heading on one line, one on two)
LISTED_ANNEX = [
    "          A/RES/99/1",
    "          General Assembly",
    "          99/1. A financing framework",
    "          The General Assembly,",
    "               Recalling its resolution 98/7 of 1 April 2024 on the financing of the framework,",
    "               1. Adopts the framework annexed to the present resolution.",
    "                                                                  88th plenary meeting",
    "                                                                        25 August 2025",
    "               Annex",
    "               1. To make sure that every country has the resources that it needs, and that they",
    "          are raised and spent openly to strengthen its public finances:",
    "               Openness in public finances",
    "               (a) We commit to strengthen tax systems and to publish the budget of every",
    "          ministry, taking a whole-of-government approach;",
    "               (b) We will promote open budgets;",
    "               Transfer of knowledge, capacity-building and financing for science and for the",
    "          spreading of new technologies in small countries",
    "               (c) We will support local authorities in raising their own revenues, where",
    "          appropriate.",
    "               2. We will follow up on these commitments every year.",
]


def test_a_plain_line_over_an_annex_clause_is_a_sub_heading() -> None:
    """An unfinished unnumbered line before a labelled clause of an annex heads the clauses
    after it, which keep their labels in their text as the annex's other paragraphs do."""
    resolution = resodiff.read_text("\n".join(LISTED_ANNEX) + "\n")
    paragraphs = resolution.annexes[0].paragraphs
    assert [p.text.split(" ")[0] for p in paragraphs] == ["To", "(a)", "(b)", "(c)", "We"]
    headings = [plain_text(p.sections[-1].heading) for p in paragraphs[1:4] if p.sections]
    assert headings[0] == "Openness in public finances"
    assert headings[-1].startswith("Transfer of knowledge") and headings[-1].endswith("small countries")


#: ``pdftotext -layout`` lines of an invented programme of action: the annex's title over its
#: first heading, the entries of a list that a colon introduces, and recurring colon-ended
#: titles over lists of bullets and over numbered paragraphs
PROGRAMME = [
    "          A/RES/99/2",
    "          General Assembly",
    "          99/2. A programme of action",
    "          The General Assembly",
    "               Adopts the Programme of Action for Small Island Communities for the Decade",
    "          2030–2040, as contained in the annex to the present resolution.",
    "                                                                  88th plenary meeting",
    "                                                                        25 August 2029",
    "               Annex",
    "               Programme of Action for Small Island Communities for the Decade",
    "          2030–2040",
    "               Introduction",
    "               1. We are at a turning point for the communities of small islands everywhere.",
    "               2. The present Programme of Action will have three areas for action, as",
    "          follows:",
    "               Area 1: Fisheries and the coastal economy",
    "               Area 2: Water, energy and the links between the communities of the islands and",
    "          the mainland",
    "               Area 3: Means of implementation.",
    "               Targets:",
    "               • Double the catch landed in the harbours of the islands by 2040.",
    "               • Halve the loss of fish after the catch.",
    "               We commit to taking the following actions:",
    "               3. We will support the fishing cooperatives of the islands.",
    "               Targets:",
    "               • Connect every island to a clean source of energy by 2040.",
    "               We commit to taking the following actions:",
    "               4. We will build the links between the islands and the mainland.",
]


def test_an_annex_title_entries_after_a_colon_and_recurring_colon_titles() -> None:
    resolution = resodiff.read_text("\n".join(PROGRAMME) + "\n")
    paragraphs = resolution.annexes[0].paragraphs
    assert [p.num or p.text.split(":")[0].split(" ")[0] for p in paragraphs] == [
        "1.",
        "2.",
        "Area",
        "Area",
        "Area",
        "•",
        "•",
        "3.",
        "•",
        "4.",
    ]
    # the annex's title is the first paragraph's heading, the entries are the list's paragraphs
    assert plain_text(paragraphs[0].sections[-1].heading).startswith("Programme of Action for Small Island")
    assert paragraphs[3].text.strip().endswith("the links between the communities of the islands and the mainland")
    assert plain_text(paragraphs[5].sections[-1].heading).strip() == "Targets:"
    assert plain_text(paragraphs[7].sections[-1].heading).strip() == "We commit to taking the following actions:"


def test_a_labelled_section_title_of_two_lines_heads_a_run_of_headings() -> None:
    """``II.. Area 2: …`` over two lines (DGACM's flat heading prints its label with a doubled
    full stop), then a one-line sub-heading: the label says the lines are a title's."""
    lines = [
        *PROGRAMME[:12],
        "               1. We are at a turning point for the communities of small islands everywhere.",
        "               II.. Area 2: water, energy and the links between the communities of the is-",
        "          lands and the mainland",
        "               Water and energy",
        "               2. We will connect every island to a clean source of energy by the year 2040.",
    ]
    paragraphs = resodiff.read_text("\n".join(lines) + "\n").annexes[0].paragraphs
    assert [p.num for p in paragraphs] == ["1.", "2."]
    assert plain_text(paragraphs[1].sections[-1].heading).startswith("II.. Area 2: water")


def test_the_next_label_indented_as_first_lines_opens_the_next_clause() -> None:
    """``-layout``: a clause that ends unfinished on a full line (``…; and``), then the list's
    next label at the first lines' indent: no reference that the wrap put first stands there."""
    lines = [
        *LISTED_ANNEX[:9],
        "               1. A certificate of sale may be issued in electronic form, and it shall be",
        "          accepted in that form by every authority of the States Parties if, at the least:",
        "               (a) The information contained in it can be read and used for later reference",
        "          by the authorities and by the persons who rely on it;",
        "               (b) A reliable method is used to identify the authority that issues it; and",
        "               (c) A reliable method is used to detect any change to the record after the",
        "          time that it was made.",
        "               2. We will follow up on these commitments every year, and we will report on",
        "          them to the Assembly at its next session and at each session after it.",
    ]
    paragraphs = resodiff.read_text("\n".join(lines) + "\n").annexes[0].paragraphs
    assert [p.num or p.text.split(" ")[0] for p in paragraphs] == ["1.", "(a)", "(b)", "(c)", "2."]


def test_a_line_indented_after_a_clause_whose_lines_went_back_to_the_margin_opens_a_block() -> None:
    """``-layout``: a clause's second line at the margin says its lines are not indented, so a
    line at the first lines' indent after its full last line opens a block (here a
    sub-heading), where it would otherwise be measured as the clause's next line."""
    lines = [
        *LISTED_ANNEX[:9],
        "               1. A certificate of sale may be issued in electronic form, and it shall be",
        "          accepted in that form by every authority of the States Parties if, at the least:",
        "               (a) The information contained in it can be read and used for later reference",
        "          by the authorities, the courts and the persons who rely on it in every country;",
        "               Methods of proof",
        "               (b) A reliable method is used to identify the authority that issues it.",
        "               2. We will follow up on these commitments every year, and we will report on",
        "          them to the Assembly at its next session and at each session after it.",
    ]
    paragraphs = resodiff.read_text("\n".join(lines) + "\n").annexes[0].paragraphs
    assert [p.num or p.text.split(" ")[0] for p in paragraphs] == ["1.", "(a)", "(b)", "2."]
    assert paragraphs[1].text.endswith("in every country;")
    assert plain_text(paragraphs[2].sections[-1].heading) == "Methods of proof"


def test_a_clause_s_short_last_line_after_a_line_joined_at_a_hyphen_goes_on_the_clause() -> None:
    """``-layout``: a clause's second line, which took back the word its first line ended with
    at a compound's hyphen, no longer shows its own column, and must not make the clause look as
    if its lines went back to the margin: its short last line, a little past the margin as
    justified lines may be, is still the clause's."""
    lines = [
        *LISTED_ANNEX[:9],
        "               1. A certificate of sale may be issued in electronic form, and it shall be",
        "          accepted in that form by every authority of the States Parties, by the courts of",
        "          each of them and by every person who relies on such a certificate for a sale or",
        "          for a transfer of the goods that it describes, if at least the following holds:",
        "               (a) The information contained in it can be read and used through confidence-",
        "          building measures by the authorities, the courts and the persons who rely on it",
        "            in every country;",
        "               (b) A reliable method is used to identify the authority that issues it.",
        "               2. We will follow up on these commitments every year, and we will report on",
        "          them to the Assembly at its next session and at each session after it, in the",
        "          form of a report that sets out what each of us has done, what remains to be done",
        "          and what help each of us needs from the others to do it, so that the Assembly",
        "          may take stock of the framework and decide on the steps that it should take",
        "          next, in the light of the resources raised and spent and of the results shown.",
    ]
    paragraphs = resodiff.read_text("\n".join(lines) + "\n").annexes[0].paragraphs
    assert [p.num or p.text.split(" ")[0] for p in paragraphs] == ["1.", "(a)", "(b)", "2."]
    clause = "confidence-building measures by the authorities, the courts and the persons who rely on it"
    assert paragraphs[1].text.endswith(f"{clause} in every country;")


#: an annex after the closing lines, for the tests below
CLOSING = ["1st plenary meeting", "1 January 2099", "Annex"]


def test_a_finished_sentence_between_two_numbers_goes_on_the_numbered_paragraph() -> None:
    """A full line that ends a sentence, then a capitalised word that opens unnumbered paragraphs
    elsewhere (``We commit …:``): between paragraph 1 and paragraph 2, the unnumbered sentence is
    the first one's, where the document numbers every paragraph but its lead-ins."""
    lines = [
        "Recalling its previous resolutions on the cooperation between the United Nations and the",
        "regional organizations, in particular those on peace and security and on development,",
        "1. Adopts the programme of action for the coming decade that is contained in the annex.",
        *CLOSING,
        "1. We recognize that the countries face many challenges in the development of their trade and",
        "transport systems, and we commit to working together to overcome all of these challenges.",
        "We will also promote an approach to sustainable development at the local and national levels",
        "and accelerate progress on integrating it into the policies and programmes at all levels.",
        "2. We emphasize the partnership.",
        "We commit to taking the following actions:",
        "3. We call upon the countries to diversify their sources of revenue beyond the traditional",
        "sectors, through the promotion of investment in new and emerging technologies and skills.",
    ]
    resolution = resodiff.read_text(WRAPPED_HEAD + "\n".join(lines) + "\n")
    paragraphs = resolution.annexes[0].paragraphs
    assert [p.num for p in paragraphs] == ["1.", "2.", None, "3."]
    assert paragraphs[0].text.endswith("at all levels.")


def test_a_one_line_lead_in_with_a_colon_before_a_heading_is_a_paragraph() -> None:
    """``Declare the following:`` after a declaration's preamble, over its first heading: a
    paragraph whose line it would end announces a list, not a section."""
    lines = [
        "Recalling its previous resolutions on the cooperation between the United Nations and the",
        "regional organizations, in particular those on peace and security and on development,",
        "1. Adopts the declaration on the generations to come that is contained in the annex.",
        *CLOSING,
        "We, the Heads of State and Government, gathered at the Headquarters of the United Nations,",
        "Recognizing the complex and interrelated opportunities, challenges and risks faced by the",
        "present generations, as well as the implications of projected global trends for the young,",
        "Committing to build a stronger, more effective and resilient system based on international law,",
        "Declare the following:",
        "Guiding principles",
        "In order to seize the opportunity that present generations possess to leave a better future",
        "for generations to come, we will be guided by the following principles that we set out here.",
    ]
    resolution = resodiff.read_text(WRAPPED_HEAD + "\n".join(lines) + "\n")
    texts = [p.text for p in resolution.annexes[0].paragraphs]
    assert "Declare the following:" in texts
    assert next(text for text in texts if text.startswith("Committing")).endswith("international law,")


def test_a_series_label_with_an_elided_word_counts_on() -> None:
    """``Domaine d’action prioritaire 3 :`` after ``… 2 : …`` opens the series' next entry,
    though the line before seemed to go on: an elided article or preposition is part of a label's
    words."""
    head = "A/RES/99/1\nAssemblée générale\n99/1. Programme d’action\nL’Assemblée générale,\n"
    lines = [
        "Rappelant ses résolutions antérieures sur la coopération entre l’Organisation des Nations",
        "Unies et les organisations régionales, en particulier celles sur la paix et la sécurité,",
        "1. Adopte le programme d’action pour la décennie à venir qui figure en annexe.",
        "1re séance plénière",
        "1er janvier 2099",
        "Annexe",
        "1. Le présent programme d’action définit un engagement renouvelé des pays et de leurs",
        "partenaires, qui portera sur les domaines d’action prioritaires suivants :",
        "Domaine d’action prioritaire 1 : transformation structurelle, science, technologie et",
        "innovation",
        "Domaine d’action prioritaire 2 : commerce, facilitation du commerce et intégration",
        "régionale",
        "Domaine d’action prioritaire 3 : transit, transport et connectivité",
        "Domaine d’action prioritaire 4 : renforcement des capacités d’adaptation et de la résilience"
        " face aux changements climatiques et aux catastrophes",
        "Domaine d’action prioritaire 5 : moyens de mise en œuvre.",
        "2. Des mesures spéciales de mise en œuvre, de suivi et de surveillance permettront de tenir",
        "ces engagements dans les délais prévus et selon les modalités convenues par tous les pays.",
    ]
    resolution = resodiff.read_text(head + "\n".join(lines) + "\n")
    labels = [p.text.split(":")[0].split()[-1] for p in resolution.annexes[0].paragraphs if p.num is None]
    assert labels == ["1", "2", "3", "4", "5"]


def test_a_treaty_s_name_ending_with_a_semicolon_before_its_subtitle_titles_the_annex() -> None:
    """``United Nations Convention on …;`` / ``Improving … in`` / ``Electronic Form`` /
    ``Preamble``: the name's line ends with a semicolon, which ends no paragraph before a heading."""
    lines = [
        "Recalling its previous resolutions on the cooperation between the United Nations and the",
        "regional organizations, in particular those on peace and security and on development,",
        "1. Adopts the convention on the sharing of data that is contained in the annex.",
        *CLOSING,
        "United Nations Convention on Data;",
        "Improving International Cooperation for the Sharing of Data Held by Public Authorities in",
        "Electronic Form",
        "Preamble",
        "The States Parties to the present Convention,",
        "Noting the need for cooperation among the States in the sharing of data held in electronic form,",
        "Have agreed as follows:",
    ]
    resolution = resodiff.read_text(WRAPPED_HEAD + "\n".join(lines) + "\n")
    texts = [p.text for p in resolution.annexes[0].paragraphs]
    assert texts[0] == "The States Parties to the present Convention,"


def test_a_series_label_alone_with_a_full_stop_is_a_heading() -> None:
    """``Article 3.``, its number followed by a full stop, alone on its line over the article's
    title: a label, not a paragraph that ends there."""
    lines = [
        "Recalling its previous resolutions on the cooperation between the United Nations and the",
        "regional organizations, in particular those on peace and security and on development,",
        "1. Adopts the convention on the sharing of data that is contained in the annex.",
        *CLOSING,
        "Article 1",
        "Purpose",
        "The purpose of this Convention is to promote the sharing of data among the States Parties.",
        "Article 2",
        "Use of terms",
        "For the purposes of this Convention, data are any facts held in electronic form.",
        "Article 3.",
        "Scope of application",
        "This Convention shall apply to the sharing of data held by the public authorities.",
    ]
    resolution = resodiff.read_text(WRAPPED_HEAD + "\n".join(lines) + "\n")
    texts = [p.text for p in resolution.annexes[0].paragraphs]
    assert "Article 3." not in texts
    assert texts[-1].startswith("This Convention shall apply")


def test_a_capitalised_line_between_a_finished_clause_and_the_next_is_its_sub_heading() -> None:
    """``(b) … national circumstances;`` on a full line, ``Capacity support``, ``(c) …``: the
    clause ended with its semicolon, and the next label goes on the list."""
    lines = [
        "Recalling its previous resolutions on the cooperation between the United Nations and the",
        "regional organizations, in particular those on peace and security and on development,",
        "1. Adopts the commitments on the financing of development that are contained in the annex.",
        *CLOSING,
        "1. To mobilize the resources that the countries need for their development, we commit to:",
        "(a) We will consider introducing or increasing taxes on harmful products, as a neutral tax",
        "source with a clear potential to increase the revenue of the State and to reduce the risk",
        "factors of disease among its people, in line with the national circumstances of each one;",
        "Capacity support",
        "(b) We will scale up the support that is given to the countries for their systems of tax.",
    ]
    resolution = resodiff.read_text(WRAPPED_HEAD + "\n".join(lines) + "\n")
    texts = [p.text for p in resolution.annexes[0].paragraphs]
    assert texts[1].endswith("of each one;")
    assert texts[2].startswith("(b) We will scale up")


def test_the_next_label_after_a_clause_ending_with_its_conjunction_opens_the_next_clause() -> None:
    """Plain ``pdftotext``: ``(b) … on a full line; and`` / ``(c) …``: a clause that ends with its
    semicolon and the list's conjunction is finished, though its line is full and ends with a
    word; the next label opens the next clause, not a reference that the wrap put first."""
    lines = [
        "Recalling its previous resolutions on the cooperation between the United Nations and the",
        "regional organizations, in particular those on peace and security and on development,",
        "1. Adopts the convention on the sale of goods that is contained in the annex to it.",
        *CLOSING,
        "1. A certificate of sale may be issued in electronic form, where at least the following holds:",
        "(a) The information contained in the certificate is accessible for any later reference;",
        "(b) A reliable method is used to identify the authority that issued the certificate; and",
        "(c) A reliable method is used to detect any change to the record after it was made.",
        "2. A certificate of sale shall not be rejected on the sole ground that it is electronic.",
    ]
    paragraphs = resodiff.read_text(WRAPPED_HEAD + "\n".join(lines) + "\n").annexes[0].paragraphs
    # an annex's clauses are its paragraphs, their labels in their text (DGACM's flat lists)
    assert [p.num or p.text[:3] for p in paragraphs] == ["1.", "(a)", "(b)", "(c)", "2."]


def test_sentences_after_the_last_clause_of_a_list_are_paragraphs_of_their_own() -> None:
    """Numbered clauses of one sentence (``1. To …;``) whose last one ends it with a full stop:
    what follows, opened after a full line, is no clause's sentence, and each sentence is a
    paragraph, though the annex numbers its paragraphs and they open with any word."""
    lines = [
        "Recalling its previous resolutions on the cooperation between the United Nations and the",
        "regional organizations, in particular those on peace and security and on development,",
        "1. Adopts the charter of the regional partners that is contained in the annex to the present.",
        *CLOSING,
        "We, the partners, undertake:",
        "1. To exchange, as soon as possible, the reports of the missions that our staff carried out",
        "in the regions in a timely fashion, so that the other partners may take them into account;",
        "2. To share the costs of the common services of the partners, regardless of their location,",
        "including the offices of the partners that are based outside of the regional headquarters.",
        "Each partner and every observer of the regional network of organizations is invited to state",
        "its support for this charter in a letter addressed to the chair of the network in good time.",
        "Moreover, the chair of the network is requested to publish the charter on the website of the",
        "network, including a list of the partners that have signed it.",
    ]
    resolution = resodiff.read_text(WRAPPED_HEAD + "\n".join(lines) + "\n")
    paragraphs = resolution.annexes[0].paragraphs
    assert [p.num or p.text.split(" ")[0] for p in paragraphs] == ["We,", "1.", "2.", "Each", "Moreover,"]
    assert paragraphs[2].text.endswith("regional headquarters.")


def test_an_annex_titled_with_the_document_s_title_opens_with_that_heading() -> None:
    """A convention that a resolution of its name adopts: the annex's title, a full line, is the
    document's title and a heading, not the first words of the convention's preamble."""
    title = "Regional Convention on the Mutual Recognition of the Certificates of Inland Navigation"
    lines = [
        "A/RES/99/1",
        "General Assembly",
        f"99/1. {title}",
        "The General Assembly,",
        "Recalling its previous resolutions on the cooperation between the United Nations and the",
        "regional organizations, in particular those on peace and security and on development,",
        "1. Adopts the convention that is contained in the annex to the present resolution and invites",
        "all States to become parties to it at the earliest possible date, in accordance with its terms.",
        *CLOSING,
        title,
        "The Parties to this Convention,",
        "Considering the need to facilitate the movement of vessels on the inland waterways between",
        "the States of the region, and the recognition of the certificates of their crews,",
        "Have agreed as follows:",
        "Article 1",
        "Purpose",
        "This Convention governs the recognition of certificates of inland navigation in the States parties.",
        "Article 2",
        "Scope",
        "This Convention applies to every certificate issued by a Party.",
    ]
    annex = resodiff.read_text("\n".join(lines) + "\n").annexes[0]
    texts = [p.text for p in annex.paragraphs]
    assert texts[0] == "The Parties to this Convention,"
    assert [text.split(" ")[0] for text in texts[2:]] == ["Have", "This", "This"]
    assert plain_text(annex.paragraphs[3].sections[-1].heading).split() == ["Article", "1", "Purpose"]


def _annex_lines(body: list[str]) -> list[str]:
    return [
        "Recalling its previous resolutions on the cooperation between the United Nations and the",
        "regional organizations, in particular those on peace and security and on development,",
        "1. Adopts the convention that is contained in the annex to the present resolution and invites",
        "all States to become parties to it at the earliest possible date, in accordance with its terms.",
        *CLOSING,
        "Convention on the Networks",
        *body,
    ]


def _annex_paragraphs(body: list[str]) -> list[str]:
    resolution = resodiff.read_text(WRAPPED_HEAD + "\n".join(_annex_lines(body)) + "\n")
    return [p.text for p in resolution.annexes[0].paragraphs]


def test_the_sentence_a_list_interrupted_goes_on_after_its_last_clause_as_its_own_paragraph() -> None:
    """``(i) …; or`` / ``(ii) …;`` / a line in lower case: the conjunction says the clause after
    it is the list's last, whose semicolon ends it though its line was full; and the sentence's
    end, which ends with a semicolon and the conjunction, is no heading over the next clause."""
    texts = _annex_paragraphs(
        [
            "1. Each Party shall adopt such measures as may be necessary to establish as offences under",
            "its domestic law, when committed intentionally and without right:",
            "(a) The sale or otherwise making available of:",
            "(i) A device designed or adapted primarily for the purpose of committing an offence; or",
            "(ii) A password or similar data by which the whole or any part of a network is accessed;",
            "with the intent that the device or the password be used for the purpose of committing any",
            "of the offences established in accordance with articles 7 to 10 of this Convention; and",
            "(b) The possession of an item referred to in paragraph 1 (a) of this article.",
        ]
    )
    assert [text.split(" ")[0] for text in texts] == ["Each", "(a)", "(i)", "(ii)", "with", "(b)"]
    assert texts[3].endswith("is accessed;")


def test_the_list_s_next_label_and_a_capital_open_the_next_clause_after_an_unfinished_line() -> None:
    """A clause that lost its semicolon (``(k) … State Party`` / ``(l) Recovering …``): a
    reference that the wrap put first goes on in lower case."""
    texts = _annex_paragraphs(
        [
            "1. Mutual legal assistance may be requested by a Party for any of the following purposes:",
            "(a) Taking evidence or statements from persons;",
            "(b) Facilitating the voluntary appearance of persons in the requesting State Party",
            "(c) Recovering proceeds of crime;",
            "(d) Any other type of assistance that is not contrary to the domestic law of a Party.",
        ]
    )
    assert [text.split(" ")[0] for text in texts] == ["Mutual", "(a)", "(b)", "(c)", "(d)"]


def test_the_list_s_next_label_after_a_sentence_in_doubt_goes_on_the_list() -> None:
    """``(a) …`` / a clause's second sentence after a full line (in doubt: it may be a paragraph)
    / ``(b) …``: the sentence's full stop says nothing of the list's end, and ``(b)`` is the
    list's next clause, not a paragraph numbered ``(b)`` with ``(c)`` under it."""
    lines = [
        "Recalling its previous resolutions on the cooperation between the United Nations and the",
        "regional organizations, in particular those on peace and security and on development,",
        "1. Adopts the convention that is contained in the annex to the present resolution and invites",
        "all States to become parties to it at the earliest possible date, in accordance with its terms.",
        *CLOSING,
        "Convention on the Networks",
        "1. To mobilize the resources needed for the networks, we commit to the following actions:",
        "(a) We will promote measures to end the practices that hinder the mobilization of resources",
        "by the networks and by the regional organizations that are associated with their programmes.",
        "We also commit to taking effective measures to prevent the loss of resources of the networks.",
        "(b) We will strengthen the capacity of the regional organizations to mobilize resources;",
        "(c) We will improve the exchange of data among the networks and the regional organizations.",
        "2. To make full use of the networks, we will support the regional organizations.",
    ]
    paragraphs = resodiff.read_text(WRAPPED_HEAD + "\n".join(lines) + "\n").annexes[0].paragraphs
    # an annex's clauses are paragraphs that keep their label in their text (see ``flat_lists``)
    assert [p.num or p.text.split(" ")[0] for p in paragraphs] == ["1.", "(a)", "(b)", "(c)", "2."]
    assert paragraphs[1].text.endswith("resources of the networks.")


def test_a_number_alone_after_a_series_label_s_title_numbers_its_first_paragraph() -> None:
    """pdftotext writes a paragraph's number on a line of its own where a tab set it apart:
    ``Principle 3`` / its title, unfinished / ``1.`` / the text. No wrapped line ends with the
    number after a title."""
    texts = _annex_paragraphs(
        [
            "Principle 2",
            "Scope",
            "These principles apply to the networks of the regional organizations and to their members.",
            "Principle 3",
            "Measures to protect the networks",
            "1.",
            "States shall, pursuant to their obligations under international law, take effective legislative",
            "and other measures to protect the networks.",
            "2.",
            "States should take further measures, as appropriate, to protect the networks.",
        ]
    )
    assert texts[1:] == [
        "States shall, pursuant to their obligations under international law, take effective legislative"
        " and other measures to protect the networks.",
        "States should take further measures, as appropriate, to protect the networks.",
    ]


def test_a_name_that_the_document_s_title_spells_goes_on_across_its_semicolon() -> None:
    """``… the Regional Convention on the Networks;`` / ``Strengthening Cooperation …``, in a
    resolution of that title: the name's own semicolon ends no paragraph, though the next line
    opens as the language opens preambular paragraphs."""
    title = "Regional Convention on the Networks; Strengthening Cooperation among the Regional Networks"
    lines = [
        "A/RES/99/1",
        "General Assembly",
        f"99/1. {title}",
        "The General Assembly,",
        "Recalling its previous resolutions on the cooperation between the United Nations and the",
        "regional organizations, in particular those on peace and security and on development,",
        "Recalling also its resolution 98/1,",
        "Strengthening its cooperation with the regional networks,",
        "Convinced that the adoption of the new instrument named the Regional Convention on the Networks;",
        "Strengthening Cooperation among the Regional Networks will help the States of the region,",
        "1. Adopts the convention that is contained in the annex to the present resolution.",
    ]
    preamble = resodiff.read_text("\n".join(lines) + "\n").preamble
    assert [p.text.split(" ")[0] for p in preamble] == ["Recalling", "Recalling", "Strengthening", "Convinced"]


def test_the_next_label_after_a_numbered_paragraph_that_opens_a_list_goes_on_it() -> None:
    """``1. a) Un État …`` (a paragraph whose text opens with its list's first label), a line
    that pdftotext joined, then ``b) …``: the list's next label."""
    texts = _annex_paragraphs(
        [
            "Article 1",
            "Transfer of data",
            "1. (a) A Party that transfers data under this Convention shall do so in accordance with its",
            "domestic law. The Parties are not required to transfer data under this Convention if this"
            " cannot be done in accordance with their laws on the protection of data and of the privacy;",
            "(b) The Parties may request additional conditions for the transfer of the data.",
            "2. The Parties shall record every transfer.",
        ]
    )
    assert [text.split(" ")[0] for text in texts] == ["(a)", "(b)", "The"]


def test_an_abbreviation_s_full_stop_in_a_clause_before_the_next_does_not_end_the_list() -> None:
    """``17. …;`` / ``18. … such as P.`` / ``volitans, …;`` / ``19. …``: the next clause says the
    list goes on, and the line, in lower case or capitalised (``Ms. A.`` / ``Smith, …``), is the
    clause's."""
    lines = [
        "Recalling its previous resolutions on the cooperation between the United Nations and the",
        "regional organizations, in particular those on peace and security and on development,",
        "1. Invites the international community to support the efforts of the countries of the region;",
        "2. Notes with concern that invasive species of the region, such as Pterois miles and P.",
        "volitans, known as lionfish, constitute a threat to the biodiversity of the wider region;",
        "3. Takes note of the report of the independent expert on the biodiversity of the region, Ms. A.",
        "Smith, and of the recommendations contained therein, in particular those on the fisheries;",
        "4. Decides to consider the matter at its next session.",
    ]
    operative = resodiff.read_text(WRAPPED_HEAD + "\n".join(lines) + "\n").operative
    assert [p.num for p in operative] == ["1.", "2.", "3.", "4."]


def test_a_number_alone_after_an_annex_s_unfinished_title_numbers_its_first_paragraph() -> None:
    """``Annex`` / its title, unfinished / ``1.`` / the text: no wrapped line ends with the number
    after a title."""
    lines = [
        "Recalling its previous resolutions on the cooperation between the United Nations and the",
        "regional organizations, in particular those on peace and security and on development,",
        "1. Decides to convene the conference whose modalities are set out in the annex.",
        *CLOSING,
        "Modalities of the high-level conference on the peaceful settlement of the questions of the",
        "regional networks",
        "1.",
        "The conference shall advance the implementation of the resolutions on the networks.",
        "2.",
        "The conference shall be held in New York.",
    ]
    annex = resodiff.read_text(WRAPPED_HEAD + "\n".join(lines) + "\n").annexes[0]
    assert [(p.num, p.text.split(" ")[0]) for p in annex.paragraphs] == [("1.", "The"), ("2.", "The")]


def _titled_section(title: list[str], before: str) -> list[tuple[str | None, str]]:
    """The annex's paragraphs (numbers and texts) around a roman section's title of two lines,
    after a numbered paragraph whose last line is ``before``, and the last one's section."""
    lines = [
        "Recalling its previous resolutions on the cooperation between the United Nations and the",
        "regional organizations, in particular those on peace and security and on development,",
        "1. Adopts the programme of action that is contained in the annex to the present resolution.",
        *CLOSING,
        "Programme of Action for the Rivers",
        "1. We will support the river communities in the planning and the monitoring of the basins",
        before,
        *title,
        "2. The Office of the Envoy for Rivers, Lakes, Deltas and Estuaries should strengthen its",
        "work with the river communities.",
    ]
    annex = resodiff.read_text(WRAPPED_HEAD + "\n".join(lines) + "\n").annexes[0]
    headed = annex.paragraphs[-1].sections[-1]
    return [(p.num, p.text) for p in annex.paragraphs] + [(headed.num, plain_text(headed.heading))]


def test_a_roman_section_s_title_line_ending_with_a_comma_goes_on_on_the_next_line() -> None:
    """``IV. Office of the Envoy …, Lakes,`` / ``Deltas and Estuaries`` / ``2. …``: a title has
    no final punctuation, and its comma where the wrap broke it leaves it unfinished; the whole
    title heads the section, and none of its words go on the paragraph before it."""
    title = [
        "IV. Office of the Envoy for Rivers, Lakes, Deltas and Estuaries of the Countries of the Plains,",
        "Valleys and Mountains",
    ]
    whole = " ".join(title)[len("IV. ") :]
    for before in (
        "and in the sharing of the knowledge of the river communities across the regions of the world.",
        # a last line that pdftotext joined at a hyphen, far wider than the body
        "and in the sharing of the knowledge of the river communities across the regions of the world and in the"
        " reviews of the programme.",
    ):
        read = _titled_section(title, before)
        assert [num for num, _ in read[:2]] == ["1.", "2."]
        assert read[0][1].endswith(before.split(" ")[-1])
        assert read[2:] == [("IV", whole)]


def test_a_title_ending_with_a_closing_guillemet_over_a_numbered_paragraph_is_a_heading() -> None:
    """``Article 4, sur le terme « réseau »`` / ``2. …``: a paragraph's text puts its punctuation
    after a quotation, a title has none; a preambular paragraph that lost it after its quotation
    (``Rappelant … « … »`` / ``1. …``) opens as the language's paragraphs do and stays one."""
    head = "A/RES/99/1\nAssemblée générale\n99/1. Convention sur les réseaux\nL’Assemblée générale,\n"
    lines = [
        "Rappelant ses résolutions antérieures sur la coopération entre l’Organisation des Nations",
        "Unies et les organisations régionales, notamment en matière de paix, de sécurité, de droits,",
        "Rappelant également sa résolution 98/7, intitulée « Les réseaux »",
        "1. Adopte la convention et les notes qui figurent en annexe à la présente résolution.",
        "1re séance plénière",
        "1er janvier 2099",
        "Annexe",
        "Notes sur la convention",
        "1. Les États parties appliquent la convention dans le respect de leurs lois internes et de",
        "leurs engagements.",
        "Article 4, sur le terme « réseau »",
        "2. Le terme « réseau » s’entend de tout ensemble de moyens reliés entre eux.",
    ]
    resolution = resodiff.read_text(head + "\n".join(lines) + "\n")
    assert [p.text.split()[0] for p in resolution.preamble] == ["Rappelant", "Rappelant"]
    paragraphs = resolution.annexes[0].paragraphs
    assert [p.num for p in paragraphs] == ["1.", "2."]
    assert plain_text(paragraphs[1].sections[-1].heading) == "Article 4, sur le terme « réseau »"


def test_a_row_wider_than_every_row_of_the_table_before_it_opens_a_table() -> None:
    """Hard-wrapped text prints two tables one after the other as one run of rows: a row with
    more cells than each row before it, after two of them, is the next table's; a table's rows
    with fewer cells (cells spanned) and a wider second row stay in it."""
    body = [
        "This is to certify the following:",
        "| **1.** | **Name of the network** |  |",
        "| 1.1 | Name |  |",
        "| **2.** | **Operator** |",
        "| 2.1 | Address |  |",
        "| **At** |  | **On** |  |",
        "|  | (place) |  | (date) |",
    ]
    resolution = resodiff.read_text(WRAPPED_HEAD + "\n".join(_annex_lines(body)) + "\n")
    tables = [p.table for p in resolution.annexes[0].paragraphs if p.table is not None]
    assert [len(table.rows) for table in tables] == [4, 2]
    wider_second = ["| Title |", "| a | b |", "| c | d |"]
    resolution = resodiff.read_text(WRAPPED_HEAD + "\n".join(_annex_lines(wider_second)) + "\n")
    assert [len(p.table.rows) for p in resolution.annexes[0].paragraphs if p.table is not None] == [3]


def test_the_sentence_a_list_interrupted_goes_on_after_its_last_clause_with_no_conjunction() -> None:
    """``b) …;`` / ``c) … ;`` / a line in lower case that ends the sentence with a full stop, with
    no next label after it: the clauses end with their semicolons, and the sentence the list's
    lead-in opened goes on as a paragraph of its own; a clause that goes on in lower case after a
    semicolon of its own, with the next label after it, stays whole."""
    texts = _annex_paragraphs(
        [
            "1. Chaque État partie adopte les mesures nécessaires pour conférer le caractère d’infraction",
            "pénale au fait de causer à autrui un préjudice par :",
            "a) Toute introduction ou toute suppression de données dans un réseau ;",
            "b) Toute atteinte au fonctionnement d’un réseau qui relie plusieurs systèmes d’information",
            "et de communication, qui incite une personne à faire ou à omettre de faire quelque chose ;",
            "dans l’intention frauduleuse de réaliser sans droit un gain financier ou tout autre avantage",
            "à son profit ou à celui d’autrui.",
            "Article 2",
            "Définitions",
            "2. Aux fins de la présente Convention :",
            "a) Le terme « réseau » désigne tout ensemble de systèmes d’information reliés entre eux ;",
            "b) Le terme « système » désigne tout dispositif isolé ou ensemble de dispositifs reliés ;",
            "ce terme s’entend aussi de tout dispositif qui fonctionne seul.",
            "c) Le terme « données » désigne toute représentation de faits.",
        ]
    )
    assert [text.split(" ")[0] for text in texts] == ["Chaque", "a)", "b)", "dans", "Aux", "a)", "b)", "c)"]
    assert texts[2].endswith("quelque chose ;")
    assert texts[6].endswith("seul.")


def test_a_line_that_closes_the_block_s_open_parenthesis_goes_on_it() -> None:
    """``(i)`` / ``The designation of … (Statute of the Court,`` / ``Article 31), not …``: a
    sub-paragraph's text set a tab apart from its label prints narrower than the text shows, so
    that the next word seems to have fitted; no paragraph opens inside another's parentheses."""
    lines = [
        "Recalling its previous resolutions on the cooperation between the United Nations and the",
        "regional organizations, in particular those on peace and security and on development,",
        "1. Authorizes the Secretary-General to enter into commitments to meet unforeseen and",
        "extraordinary expenses in the year 2099, provided that they relate to expenses occasioned by:",
        "(a)",
        "The designation of ad hoc judges (Statute of the Court,",
        "Article 31), not exceeding a total of 100,000 dollars;",
        "(b) The calling of witnesses and the appointment of experts (Statute, Article 50), not",
        "exceeding a total of 25,000 dollars;",
        "2. Requests the Secretary-General to report on the commitments entered into under the present",
        "resolution.",
    ]
    resolution = resodiff.read_text(WRAPPED_HEAD + "\n".join(lines) + "\n")
    assert [p.num for p in resolution.operative] == ["1.", "2."]
    items = resolution.operative[0].items
    assert [item.num for item in items] == ["(a)", "(b)"]
    assert plain_text(items[0].content).endswith("100,000 dollars;")


def test_a_lead_in_with_a_colon_between_an_annex_preamble_and_paragraph_1_is_a_paragraph() -> None:
    """``Stressing …,`` (a full line) / ``We, the signatories, pledge:`` / ``1.`` / ``To …``: the
    annex's preamble ends with a comma, as a resolution's does, and the line that announces the
    numbered paragraphs with a colon is their lead-in, not the preambular paragraph's last line."""
    texts = _annex_paragraphs(
        [
            "Stressing the need to limit the number of high-level events held in the margins of the debate,",
            "We, the signatories, pledge:",
            "1.",
            "To voluntarily limit the number of side events hosted, sponsored or co-sponsored by our",
            "delegations in the margins of the general debate;",
            "2. To hold the remaining events in the rooms set aside for them.",
        ]
    )
    assert [text.split(" ")[0] for text in texts] == ["Stressing", "We,", "To", "To"]
