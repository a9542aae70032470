"""The curated lexicon: the whole words and phrases in free text that hint at a risk, every form written out.

Each lexicon names one idea a lead listens for (behaviour standing in for a goal, people doing the work,
harm, adversaries, groups in the data...). Forms are listed, never stems: `patient, patients` finds
neither `patiently` nor a department called Global Patient Safety (see `words`). A line holds one idea's
forms; `unless` holds fixed phrases where a form means something else (`heart attack`, `into account`).
tests/test_lexicon.py runs every entry against the 20,000 most common English words.
"""

from __future__ import annotations

from planner.judgement.rules.words import Lexicon, phrases

# ---------------------------------------------------------------- what a label or a goal is about

# Class names: what a model tells apart (`each species`, `per product category`), not a unit decided about.
CLASS_NAMES = Lexicon("""
    species, taxon, taxa, class, classes, category, categories, label, labels, type, types, genus, genera
    kind, kinds, code, codes, grade, grades, variety, varieties, breed, breeds, family, families, tag, tags
    topic, topics, intent, intents, occupation, occupations, disease, diseases
""")

# `accepts` says a decision about a person only where the same answer names the people.
ACCEPT_FORMS = frozenset({"accept", "accepts", "accepted", "acceptance"})

# What people did (a click, a view, a purchase, a past decision): a label of behaviour.
BEHAVIOUR = Lexicon("""
    click, clicks, clicked, clicking, click-through, click-throughs, clickthrough, clickthroughs
    view, views, viewed, viewing, page view, page views
    watch, watches, watched, watching, watch time
    vote, votes, voted, upvote, upvotes, upvoted, downvote, downvotes, downvoted
    likes, liked
    opens, opened, email open, email opens
    dwell, dwell time
    purchase, purchases, purchased, bought, buy, buys
    shares, shared
    hired, accepted, approved, selected
    engagement, engaged
    impression, impressions
    play, plays, played, listens, listened
    return visit, return visits, repeat visit, repeat visits, revisit, revisits, repeat purchase, repeat purchases
    no complaint, no complaints, complaint filed, complaints filed, no complaint filed, did not complain
""")

# What a goal means that lasts (satisfaction, coming back, trust): behaviour is only a proxy for it.
LASTING = Lexicon("""
    satisfied, satisfaction, satisfy, dissatisfied, dissatisfaction
    quality
    relevant, relevance, relevancy
    long-term, long term, for years
    come back, comes back, came back, coming back, return, returning
    retention, retain, retains, retained, stay subscribed
    value, values, valued, lifetime value
    trust, trusts, trusted
    fit, good fit, best fit, best-fitting, well-suited
    loyal, loyalty
    wellbeing, well-being
    happy, happier, happiness
    long-term success, successful
    learn, learns, learning, learned, understand, understanding, recover from, recovers from, recovered from
    recovery from, full recovery, recovery time
    healthier, safer, adherence, outcome, outcomes
    stay, stays, stayed, staying, still employed, still in the job, still in work, still a customer
    repaid, repay, repays, repayment, repayments, paid back, pays back, paid in full, pays in full
    resolved, resolves, resolution, fixed for good, lasting, sustained
""")

# An action or event on the way to an outcome (an offer accepted, a reply, a sign-up, a ticket closed):
# a label of it stands in for the lasting outcome the goal names (staying, repaying, recovering).
ON_THE_WAY = Lexicon(
    """
    accepted, accepts, accepted the offer, accepted an offer, offer accepted, offers accepted, took the offer
    replied, replies, responded, responds, reply received, response received, called back, answered the call
    signed up, signs up, sign-up, sign-ups, enrolled, enrols, enrolment, enrollment, registered, registration
    redeemed, redemption, redemptions, activated, activation, installed, downloaded, applied, application
    opened, clicked, approved, approval, attended, showed up, turned up, agreed to pay, promised to pay
    promise to pay, promises to pay, payment plan agreed, agreed a payment plan
    ticket closed, tickets closed, case closed, cases closed, marked closed, marked as closed
    marked resolved, marked as resolved, closed by the agent, closed the ticket, closed the case
    """,
    unless="application form, application forms, mobile application, web application, job application, applied science",
)

# Events a label counts when it stands for engagement...
ENGAGEMENT = Lexicon(
    """
    click, clicks, clicked, clicking, click-through, clickthrough
    opens, opened, email open, email opens
    view, views, viewed, watch, watched, watch time
    log-in, log-ins, login, logins, log in, logs in, logged in, logging in, sign-in, sign-ins
    inactive, inactivity
    visit, visits, visited
    dwell, dwell time
    impression, impressions
    session, sessions
    usage
    tap, taps, tapped
    scroll, scrolls, scrolled
    time spent
    likes, liked, vote, votes, voted
""",
    # a visit the organisation makes (an engineer's, a nurse's), not a user visiting
    unless="""service visit, service visits, site visit, site visits, home visit, home visits, engineer visit
    engineer visits, technician visit, technician visits, repair visit, repair visits
    maintenance visit, maintenance visits, inspection visit, inspection visits, field visit, field visits
    follow-up visit, follow-up visits, visit by, visits by, visited by, call-out visit, call-out visits
    nurse visit, nurse visits""",
)

# A label measured as the time between two stamps (`minutes between the start and done taps`): a duration,
# its clicks or taps only mark when the work began and ended.
TIME_BETWEEN = Lexicon(phrases("seconds, minutes, hours, days, time, duration", "between"))

# ...and events a goal counts when it is about money or customers staying: one is a proxy for the other.
GOAL_EVENTS = Lexicon(
    """
    purchase, purchases, purchased, buy, buys, bought
    conversion, conversions, converted
    sale, sales, revenue, revenues
    cancel, cancels, cancelled, canceled, cancellation, cancellations
    churn, churned, churns, churning
    renew, renews, renewed, renewal, renewals
    subscription, subscriptions, subscribe, subscribed, unsubscribe, unsubscribed
    spend, spends, spending
    orders, ordered, order value
    booking, bookings, booked
    retention, retain, retained
    profit, profits, income
""",
    # spending time, not money: `planners spend their time chasing late post`
    unless="""in order to, spend their time, spend time, spends time, spending time, spend less time
    spend more time, spend hours, spends hours, spending hours, spend their days, spend the day
    spend too long, spend longer, spend most of their time, spend much of their time""",
    # a share of the working day: `crews spend less of the day idle` counts time, not money
    everyday=(
        (
            "spend, spends, spending",
            "idle, of the day, of their day, of the week, of their week, of the shift, of their shift, "
            "of their time, of the working day",
        ),
    ),
)


# ---------------------------------------------------------------- people, harm, decisions

# People who do the work today, or whose judgement a label is.
PEOPLE = Lexicon("""
    people, person, persons, human, humans, manual, manually, by hand
    inspector, inspectors, reviewer, reviewers, review, reviews, reviewed
    agent, agents, analyst, analysts, clerk, clerks, moderator, moderators
    radiologist, radiologists, doctor, doctors, nurse, nurses, clinician, clinicians
    staff, handler, handlers, recruiter, recruiters, editor, editors, underwriter, underwriters
    operator, operators, expert, experts, team, teams, rotation, picker, pickers
    technician, technicians, grader, graders, linguist, linguists, auditor, auditors
    coordinator, coordinators, dispatcher, dispatchers, caseworker, caseworkers
""")

# An answer about today's work that says no person does it.
NOBODY = Lexicon("""
    nobody, no one, no-one, not by hand, no manual, no human, no humans, no person, no people
    unattended, unmanned, nothing today, not done today, not done at all
""")

# An answer about today's work that names a machine doing it (a keyword filter, the vendor's software): people
# are not the ones whose outputs are kept.
TODAY_BY_MACHINE = Lexicon("""
    keyword filter, keyword filters, keyword rule, keyword rules, rule-based, rules engine, software
    algorithm, algorithms, classifier, classifiers, automatically, automated, automatic, script, scripts
    the system, a system, our system, the model, a model, vendor tool, vendor's tool, the erp
""")

# Things hired, not people: vehicles, plant and equipment taken on hire for a while.
_THINGS_HIRED = (
    """hired vehicles, hired vehicle, hire vehicles, hire vehicle, hired trucks, hire trucks, hired lorries
    hire lorries, hired vans, hire vans, hired-in, hired in, spot hire, spot-hire, short-term hire, van hire
    vehicle hire, truck hire, lorry hire, skip hire, scaffold hire, scaffolding hire, on hire, off hire
    hire period, hire periods, hire rate, hire rates, hire charge, hire charges, hire cost, hire costs
    hire depot, hire depots, hire shop, hire shops, hire company, hire firm, hire counter, hire desk
    hire contract, hire contracts, hire bookings, hire orders, hire demand, equipment hire, tool hire
    tools hire, plant hire, car hire, boat hire, bike hire, hires per station, hires per dock, hires per day
    hires a day, hires per hour, hires per site, hires per location, daily hires, hourly hires
    hires per station per day""".replace("\n", ",")
    + ", "
    + phrases(
        # a rental counted as a noun (`bike hires per dock`, `kayak hiring`): the thing hired, no one employed
        """bike, bikes, e-bike, e-bikes, cycle, cycles, scooter, scooters, kayak, kayaks, canoe, canoes, boat
    boats, car, cars, van, vans, ski, skis, tool, tools, equipment, costume, costumes, suit, suits, room
    rooms, hall, halls, venue, venues, court, courts, locker, lockers, dock, docks, paddleboard, paddleboards""",
        "hire, hires, hiring, hired",
    )
)

# Hiring as the team's own staffing (without hiring extra drivers, a hiring freeze): a cost the product
# saves, not a decision about the people hired.
_STAFFING = (
    phrases(
        """without, without having to, avoid, avoids, avoiding, instead of, rather than, no need for
        no need to, fewer, less, delay, delays, delaying, postpone, postpones, postponing, cut, cuts, save
        saves, saving, not, no""",
        "hiring, hire, recruiting, recruit",
    )
    + ", hiring freeze, hiring freezes, recruitment freeze, "
    + _THINGS_HIRED
    + ", "
    + phrases(
        "hire, hires, hiring, hired, recruit, recruits, recruiting, recruited",
        """extra, more, additional, seasonal, temporary, temp, new, another, #, two, three, four, five, six
        ten, a few, a second, a third""",
    )
)

# Where an error costs someone health, safety, money, legal standing or access.
HARMFUL = Lexicon(
    """
    health, healthcare, patient, patients, safety, unsafe
    injury, injuries, injured, death, deaths, die, dies, died, fatal
    money, credit, loan, loans
    refuse, refuses, refused, refusal, decline, declines, declined
    reject, rejects, rejected, rejection
    legal, court, courts, lawsuit, access
    employment, job offer, job offers, lose their job, loses their job
    hire, hiring, benefit, benefits, housing, insurance
    treatment, treatments, diagnosis, diagnoses, diagnosed, misdiagnosis, untreated
    arrest, arrests, arrested, police
""",
    unless="access to data, data access, " + _STAFFING,
    deniable=True,  # `nobody was injured`, `never refused`: no harm said
    # a figure that declines (sales, demand, a rate): no person is refused anything
    everyday=(
        (
            "decline, declines, declined",
            "sales, demand, figure, figures, rate, rates, volume, volumes, revenue, footfall, yield, yields"
            " level, levels, numbers, trend, trends, percent, output, stock, stocks, usage, traffic",
        ),
    ),
)

# What a review queue weighs: candidate matches, pairs and links a clerk accepts or rejects, not people.
_MATCHES = """match, matches, matched, matching, pair, pairs, link, links, linked, duplicate, duplicates
    suggestion, suggestions, merge, merges, merged"""
_ITEMS = """record, records, item, items, product, products, listing, listings, location, locations, answer
    answers, part, parts, compound, compounds, address, addresses, code, codes, document, documents
    substitute, substitutes, substitution, substitutions, sku, skus, grocery, groceries, article, articles"""
# Things graded by their condition or quality: a defect's grade decides nothing about a person.
_GRADED_THINGS = """defect, defects, crack, cracks, cracking, pothole, potholes, damage, damaged, corrosion
    rust, severity, wear, weld, welds, road, roads, pavement, surface, fruit, produce, ore, timber, lumber
    egg, eggs, carcass, carcasses, grain, coffee, tile, tiles, leak, leaks"""
# What a pest controller, a gardener or a finisher treats: pests, plants and materials, not people.
TREATED_THINGS = Lexicon(
    """
    pest, pests, pest control, pest-control, rodent, rodents, rat, rats, mouse, mice, cockroach, cockroaches
    bed bug, bed bugs, bedbugs, wasp, wasps, wasp nest, wasp nests, hornet, hornets, termite, termites
    woodworm, moth, moths, infestation, infestations, bait station, bait stations, rodenticide, insecticide
    insecticides, pesticide, pesticides, fumigation, weed, weeds, weed control, herbicide, herbicides
    fungicide, fungicides, lawn, lawns, lawn care, lawn-care, turf, crop, crops, orchard, orchards, vineyard, vineyards, hedge
    hedges, tree surgery, dry rot, wet rot, damp proofing, timber, lumber, wood preservative, rust
    corrosion, coating, coatings, steel, metal parts, castings, fabric, leather, pool water
"""
)
# Patients who are animals: a veterinary practice, a herd, a shelter.
ANIMAL_CARE = Lexicon(
    """
    veterinary, veterinarian, veterinarians, vet clinic, vet clinics, vet practice, vet practices, the vet
    a vet, our vets, the vets, vet nurse, vet nurses, vet surgeon, vet surgeons, animal, animals, pet, pets
    dog, dogs, cat, cats, horse, horses, equine, cattle, cow, cows, calf, calves, herd, herds, livestock
    pig, pigs, sheep, poultry, flock, flocks, canine, feline, bovine
""",
    unless="cat scan, cat scans, herd immunity, guinea pig, guinea pigs, animal bite, animal bites",
)

# Decisions about people where a skew against a group is unlawful or does serious harm, and the people
# such decisions are about.
ABOUT_PEOPLE = Lexicon(
    """
    volunteer, volunteers, mentor, mentors, mentee, mentees, trainee, trainees, intern, interns, nominee
    nominees
    credit, credit-limit, credit-limits, loan, loans, lend, lends, lending, lender, lenders
    mortgage, mortgages, underwriting, underwriter, underwriters
    insurance, insured
    hire, hires, hiring, hired, hiring manager, hiring managers, recruit, recruits, recruiting, recruitment, recruiter, recruiters
    applicant, applicants, résumé, résumés, resumé, resumés, cv, cvs
    tenant, tenants, tenancy, housing
    welfare, benefit claim, benefit claims, benefits claim, benefits claims
    police, policing, arrest, arrests, arrested, parole, bail, sentencing
    patient, patients, diagnosis, diagnoses, diagnosed, treatment, treatments
    student, students, pupil, pupils, learner, learners, candidate, candidates
    employee, employees, claimant, claimants, borrower, borrowers, cardholder, cardholders
    resident, residents, citizen, citizens, defendant, defendants, job seeker, job seekers
    freelance, freelancer, freelancers, gig worker, gig workers, locum, locums, crowdworker, crowdworkers
    refugee, refugees, asylum seeker, asylum seekers, migrant, migrants, foster child, foster children
""",
    unless="""car hire, equipment hire, tool hire, plant hire, hire car, hire cars, water treatment
    wastewater treatment, heat treatment, surface treatment, seed treatment, mortgage offer, mortgage offers
    mortgage deal, mortgage deals, mortgage product, mortgage products, mortgage rate, mortgage rates
    mortgage brokers, mortgage comparison, volunteer hours, volunteer shifts, volunteer roles, """
    # residents who report a pothole are where the data comes from, not whom the decision is about
    + phrases(
        "resident, residents", "report, reports, reported, complain, complained, call, calls, who report"
    )
    + ", "
    + phrases("reported by, reports from, reports of, complaints from, calls from", "residents")
    + ", "
    + _STAFFING,
    # the housing of a pump or a bearing, the insurance value of a machine: parts, not people
    everyday=(
        (
            "housing, insurance, insured",
            """pump, pumps, bearing, bearings, motor, motors, gearbox, gearboxes, engine, engines, valve
            valves, sensor, sensors, machine, machines, turbine, turbines, compressor, compressors""",
        ),
        # insurers, carriers, dealers, suppliers: companies that claim, insure or borrow, not people
        (
            """credit, loan, loans, lend, lends, lending, lender, lenders, underwriting, underwriter
            underwriters, insurance, insured, claimant, claimants, applicant, applicants""",
            """insurer, insurers, reinsurer, reinsurers, carrier, carriers, dealer, dealers, dealership
            dealerships, supplier, suppliers, distributor, distributors, wholesaler, wholesalers, reseller
            resellers, broker, brokers, shipowner, shipowners, cargo, company, companies, firm, firms
            manufacturer, manufacturers""",
        ),
        ("candidate, candidates", f"{_MATCHES}, {_ITEMS}"),  # candidate matches, not applicants
        # a customer hiring a trade for a job (or renting a van), or the candidate trades it is shown: a service
        # engaged, nobody employed or screened
        (
            "hire, hires, hiring, hired, candidate, candidates",
            """tradespeople, tradesperson, tradesman, tradesmen, plumber, plumbers, electrician
            electricians, builder, builders, roofer, roofers, decorator, decorators, contractor, contractors
            homeowner, homeowners, household, households, van, vans, skip, skips, marquee, marquees""",
        ),
        (
            "patient, patients, diagnosis, diagnoses, diagnosed, treatment, treatments",
            ", ".join(ANIMAL_CARE.entries),
        ),
    ),
)

# What a decision does to the people it is about: grant or deny, price, rank, select, grade, treat.
# Naming people is not enough (a surgery's duration, a checklist of documents allocate nothing).
ACTS_ON_PEOPLE = Lexicon(
    """
    invited to interview, invite to interview, invited for interview, invited to apply, put forward
    approve, approves, approved, approval, approvals, approving
    decline, declines, declined, deny, denies, denied, denial, denials
    reject, rejects, rejected, rejection, rejections, refuse, refuses, refused, refusal
    accept, accepts, accepted, acceptance, top #
    select, selects, selected, selection, shortlist, shortlists, shortlisted, shortlisting
    rank, ranks, ranked, ranking
    price, prices, priced, pricing, premium, premiums
    grade, grades, graded, grading, exam marks, final marks
    prioritise, prioritises, prioritised, prioritising, prioritize, prioritizes, prioritized, prioritizing
    priority, triage, triaged, eligible, eligibility, entitlement, entitlements
    allocate, allocates, allocated, allocation, award, awards, awarded
    offered, hire, hires, hired, hiring, dismiss, dismissed, promote, promoted, promotion
    offer a place, offers a place, offer places, offer a job, offers a job, offer them, offers them
    offer him, offers him, offer her, offers her, offer of a place, offer of employment, job offer, job offers
    sentence, sentenced, sentencing, parole, bail, detain, detained, detention
    diagnose, diagnoses, diagnosed, diagnosis, treat, treats, treated, treatment, treatments
    refer, refers, referred, referral, referrals, investigate, investigates, investigated, investigation
    credit limit, credit limits, credit-limit, credit-limits, limit increase, limit increases
    underwrite, underwrites, underwriting, lend, lends, lending
    which * get, which * gets, which * receive, which * receives, who gets, who get, who receives
    placed with, paired with, introduced to, matched with, matched to, placement, placements
""",
    unless=_STAFFING,
    # a machine or a system that accepts a file, a part or a payment decides nothing about a person
    everyday=(
        (
            "accept, accepts, accepted, acceptance",
            """file, files, format, formats, upload, uploads, pdf, input, inputs, part, parts, shipment
            shipments, delivery, deliveries, pallet, pallets, batch, batches, payment, payments, card, cards
            machine, machines, system, systems, sensor, sensors, test, tests, criteria""",
        ),
        # a clerk who accepts or rejects a candidate match decides about records, not people
        ("accept, accepts, accepted, acceptance, reject, rejects, rejected, rejection, rejections", _MATCHES),
        ("grade, grades, graded, grading", _GRADED_THINGS),  # a defect's grade
        (
            "diagnose, diagnoses, diagnosed, diagnosis, treat, treats, treated, treatment, treatments",
            ", ".join(ANIMAL_CARE.entries),
        ),
    ),
)

# An output a person reads and checks (a list of candidates, passages with their sources, a draft): the
# evidence shown is the explanation, whatever model found it.
CHECKED_OUTPUT = Lexicon("""
    list, lists, shortlist, shortlists, ranked list, candidates, matches, suggestions, suggested
    evidence, passage, passages, excerpt, excerpts, snippet, snippets, citation, citations, highlights
    highlighted, quotes, quoted, draft, drafts, links, sources
""")

# Words that say a generated output carries its own reason: an explanation, if it is faithful.
GIVES_REASONS = Lexicon("""
    with a reason, with reasons, with its reason, with the reason, gives a reason, gives reasons, gives its reason
    states a reason, states the reason, reason for each, reasons for each, rationale, rationales, justification
    justifications, explains why, explanation for each, explanations for each, with an explanation
""")

# Words that say the team already checks how groups fare.
FAIRNESS_SAID = Lexicon("""
    fair, fairness, unfair, unfairness, bias, biased, biases
    disparate, disparate impact, protected, demographic, demographics
    equal opportunity, equalized odds, equalised odds, parity
    subgroup, subgroups, per group, by group
    by age, by sex, by gender, by ethnicity, by ethnic group, by disability, by age group, by age groups
    by age band, by age bands, per age group, per age band, by deprivation, across groups
""")

# A decision that stops or hides the case it acts on, so its outcome is never seen.
WITHHOLDS = Lexicon(
    """
    block, blocks, blocked, blocking
    hold, holds, held, on hold
    decline, declines, declined, reject, rejects, rejected, refuse, refuses, refused
    remove, removes, removed, removal
    hide, hides, hidden
    suspend, suspends, suspended, suspension
    deny, denies, denied, denial
    ban, bans, banned
    freeze, freezes, frozen, froze
    quarantine, quarantines, quarantined
    withhold, withholds, withheld
    take down, takes down, taken down, takedown, takedowns
    filter out, filters out, filtered out
    not shown, don't show, do not show
    stop, stops, stopped
""",
    unless="one-stop, non-stop, stop words",
)

# An output that singles a case out to be caught (flag, detect, investigate): with WITHHOLDS, what an
# adversary would learn to get past.
CATCHES = Lexicon("""
    flag, flags, flagged, flagging
    detect, detects, detected, detecting, detection
    catch, catches, caught
    investigate, investigates, investigated, investigation, investigations
""")

# Rule actions that act on their own rather than hand the case to a person.
ACTS_ALONE = Lexicon("""
    decline, declines, declined, block, blocks, blocked
    reject, rejects, rejected, delete, deletes, deleted
    ban, bans, banned, cancel, cancels, cancelled, canceled
    refuse, refuses, refused, suspend, suspends, suspended
    remove, removes, removed
    auto, automatic, automatically
    auto-reject, auto-decline, auto-block, auto-close, auto-delete, auto-cancel
""")
# Words before an act saying a rule lifts it rather than takes it (`do not block the merge`).
LIFTS = Lexicon("not, never, no longer, instead of, rather than")

# Domains where the positive class fights back.
ADVERSARIAL = Lexicon(
    """
    fraud, frauds, fraudster, fraudsters, fraudulent, anti-fraud
    spam, spammer, spammers, spammy, anti-spam
    abuse, abuses, abusive, abuser, abusers
    botnet, botnets, bot traffic, bot accounts, bot account, bot detection, bot activity, bot clicks
    bot signups, bot sign-ups, bot registrations, bot attacks, bot farm, bot farms, bot-driven
    detect bots, detecting bots, block bots, blocking bots, malicious bots, spam bots, scraper bots
    scraping bots, click bots, fake accounts
    chargeback, chargebacks
    scam, scams, scammer, scammers
    fake, fakes, faked
    phishing
    money laundering, launder, laundering
    attacker, attackers, cyberattack, cyberattacks
    cheat, cheats, cheating, cheater, cheaters
    counterfeit, counterfeits
    malware
    intrusion, intrusions
    account takeover, account takeovers
    adversary, adversaries, adversarial
""",
    unless="substance abuse, drug abuse, alcohol abuse, fake data",
    # abuse of a machine, a tool or a substance: misuse, not an adversary who adapts to the model
    everyday=(
        (
            "abuse, abuses, abusive",
            """machine, machines, equipment, tool, tools, engine, engines, vehicle, vehicles, battery
            batteries, pump, pumps, motor, motors, device, devices, alcohol, drug, drugs, substance
            substances, opioid, opioids, medication, medications, overload, overloaded, overloading
            misuse, misused, wear, warranty""",
        ),
        (  # intrusion of a crushed structure, of water or dust: a physical quantity, not an attacker
            "intrusion, intrusions",
            """mm, millimetre, millimetres, millimeter, millimeters, cm, crash, crashes, cabin, cabins
            bumper, bumpers, door, doors, deformation, water, moisture, dust, saltwater, seawater, salt
            groundwater, root, roots, magma, rock, rocks, simulation, simulations, impact test""",
        ),
        (  # a buyer's claim against a supplier for faulty goods: a quality cost, not a fraudster
            "chargeback, chargebacks",
            """defect, defects, defective, faulty, fault, faults, quality, damaged, damage, rework, reject
            rejects, rejected, supplier, suppliers, buyer, buyers, manufacturer, manufacturers, batch
            batches, shipment, shipments, late delivery, late deliveries, short delivery, short shipped""",
        ),
    ),
)


# What an adverse decision does to a person: refuse, ban, suspend, cut their benefits.
ADVERSE = Lexicon(
    """
    refuse, refuses, refused, refusal, refusals, deny, denies, denied, denial, denials
    reject, rejects, rejected, rejection, rejections
    ban, bans, banned, banning, suspend, suspends, suspended, suspension, suspensions
    sanction, sanctions, sanctioned, disqualify, disqualifies, disqualified, disqualification
    expel, expels, expelled, evict, evicts, evicted, eviction, evictions, revoke, revokes, revoked
    deactivate, deactivates, deactivated, deactivation, delist, delists, delisted
    close accounts, closes accounts, closed accounts, close the account, closes the account
    freeze accounts, freezes accounts, frozen accounts, block accounts, blocks accounts, blocked accounts
    cut benefits, cuts benefits, cut their benefits, stop benefits, stops benefits, withhold, withholds
    withheld, fined, penalise, penalised, penalize, penalized
    fine, fines, penalty, penalties, penalty notice, penalty notices, penalty charge, penalty charges
""",
    # fine the adjective (assumed fine, fine dust, fine-grained): well, or small, not a penalty
    unless="sanctions list, sanctions lists, "
    + phrases(
        "assumed, is, are, was, were, be, seem, seems, look, looks, all, just, perfectly, works, worked",
        "fine",
    )
    + ", fine with, fine dust, fine particles, fine mesh, fine grained, fine print, fine detail, fine details"
    + ", fine tuning, fine tune, fine line, fine balance, fine weather, fine sand, fine powder, fine print",
    everyday=(("reject, rejects, rejected, rejection, rejections", _MATCHES),),  # a match rejected: no one
)

# Taking something away from the person who holds it (withhold, cancel, deduct, block): adverse only
# with what a person holds (TAKEN) a few words later in the same clause, never alone ("remove noise").
TAKES_AWAY = Lexicon("""
    hold back, holds back, held back, holding back, hold, holds, held, withhold, withholds, withheld
    cancel, cancels, cancelled, canceled, cancelling, canceling, cancellation, cancellations
    remove, removes, removed, removing, removal, take down, takes down, took down, taken down
    block, blocks, blocked, blocking, freeze, freezes, froze, frozen, suspend, suspends, suspended
    deduct, deducts, deducted, deducting, deduction, deductions, dock, docks, docked
    claw back, claws back, clawed back, clawback, void, voids, voided, revoke, revokes, revoked
    stop, stops, stopped, cut, cuts, reduce, reduces, reduced, lower, lowers, lowered
    downgrade, downgrades, downgraded, close, closes, closed, terminate, terminates, terminated
""")

# What a person holds or relies on, that an automatic action can take from them.
TAKEN = Lexicon(
    """
    pay, wage, wages, salary, salaries, earnings, payout, payouts, payment, payments, bonus, bonuses
    commission, commissions, refund, refunds, reimbursement, reimbursements, allowance, allowances
    pension, pensions, benefit, benefits, subsidy, subsidies, deposit, deposits, grant, grants
    loyalty points, reward points, reward, rewards, voucher, vouchers, credit limit, credit limits
    ticket, tickets, booking, bookings, reservation, reservations, registration, registrations
    enrolment, enrolments, enrollment, enrollments, place, membership, memberships, subscription, subscriptions
    account, accounts, profile, profiles, listing, listings, post, posts, comment, comments
    licence, licences, license, licenses, permit, permits, card, cards, order, orders, shift, shifts, claim, claims
""",
    unless="""payment run, payment runs, pay run, pay runs, accounts payable, accounts receivable, into account
    support ticket, support tickets, helpdesk ticket, helpdesk tickets, service desk ticket, service desk tickets
    in place, takes place, take place, took place, taken place, in order to, in order, order of, orders of""",
)

# The automatic action grants something (pay out, fast-track, approve): favourable to the person.
GRANTS = Lexicon("""
    pay out, pays out, paid out, paying out, payout, payouts, fast-track, fast-tracks, fast-tracked, fast track
    approve, approves, approved, auto-approve, auto-approves, auto-approved, approval, approvals
    grant, grants, granted, accept, accepts, accepted, release, releases, released
    waive, waives, waived, refund, refunds, refunded
""")

# A person who takes the decisions the model leaves (the rest go to a handler).
PERSON_DECIDES = Lexicon("""
    a person, a human, manually, by hand, handler, handlers, adjuster, adjusters, underwriter, underwriters
    caseworker, caseworkers, case worker, case workers, officer, officers, reviewer, reviewers
    moderator, moderators, clerk, clerks, analyst, analysts, dispatcher, dispatchers, supervisor, supervisors
    inspector, inspectors
""")

# People who act on what an automatic system holds back: they release, unblock or check each one.
RELEASED_BY_PEOPLE = Lexicon(
    """
    release, releases, released, releasing, unblock, unblocks, unblocked, unfreeze, unfreezes, unfrozen
    reinstate, reinstates, reinstated, lift the hold, lifts the hold, clear the hold, clears the hold
    held for review, held for a review, held for checking, held for a check, queued for review
    for manual review, for a manual review, for a manual check, for human review, for a human review
""",
    unless="""new release, each release, every release, next release, software release, product release
    release notes, press release, press releases, release date, release cycle, release cycles""",
)

# The people an adverse decision lands on, beyond the domains of ABOUT_PEOPLE.
ACTED_ON = Lexicon(
    """
    customer, customers, user, users, account, accounts, account holder, account holders
    player, players, driver, drivers, rider, riders, courier, couriers, seller, sellers
    merchant, merchants, member, members, subscriber, subscribers, buyer, buyers, worker, workers
    person, people, individual, individuals, household, households, family, families
    passenger, passengers, traveller, travellers, traveler, travelers, visitor, visitors
    recipient, recipients, beneficiary, beneficiaries, contributor, contributors, author, authors
    keeper, keepers, registered keeper, registered keepers, motorist, motorists, taxpayer, taxpayers
""",
    unless="into account, accounts payable, accounts receivable, account for, accounts for, end users",
)

# A way for a person to contest an adverse decision, or a person who checks it (any change to a
# person's record goes to a caseworker first).
APPEAL = Lexicon(
    """
    appeal, appeals, appealed, contest, contests, contested, dispute, disputes, disputed
    human review, manual review, reviewed by a person, reviewed by a human, reviewed by staff
    a person reviews, a person checks, a human checks, second look, reinstate, reinstated, reinstatement
    overturn, overturns, overturned, redress, complaint, complaints, ombudsman
    a person confirms, a person approves, a human confirms, a human approves
"""
    + ", "
    + phrases(
        "goes to, go to, routed to, confirmed by, approved by, checked by, signed off by",
        "a person, a human, a caseworker, a case worker, a clerk, an officer, a reviewer, a member of staff",
    )
)


# ---------------------------------------------------------------- duties the law puts on some uses

# Staff at work: the people a workplace camera, a call recording or a productivity score is about.
STAFF = Lexicon(
    """
    employee, employees, staff, staff member, staff members, worker, workers, workforce, colleague, colleagues
    operator, operators, picker, pickers, packer, packers, cashier, cashiers, driver, drivers
    call agent, call agents, support agent, support agents, contact centre agents, call centre agents, agent, agents
    nurse, nurses, carer, carers, care worker, care workers, technician, technicians, crew, crews
    courier, couriers, rider, riders, cleaner, cleaners, guard, guards, teller, tellers, clerk, clerks
    """,
    unless="""ai agent, ai agents, llm agent, llm agents, software agent, software agents, coding agent, coding agents
    travel agent, travel agents, estate agent, estate agents, letting agent, letting agents, cleaning agent, cleaning agents
    key driver, key drivers, main driver, main drivers, cost driver, cost drivers, growth driver, growth drivers
    device driver, device drivers, printer driver, printer drivers, drivers of, young drivers, learner drivers""",
    # the drivers an insurer prices or a ride-hailing app serves: customers, not staff at work
    everyday=(
        (
            "driver, drivers, rider, riders",
            """insurance, insurer, insured, premium, premiums, policy, policies, policyholder, policyholders
            passenger, passengers, customer, customers, cyclist, cyclists, pedestrian, pedestrians""",
        ),
    ),
)

# What records people where they are: a camera, a microphone, footage (of staff when the inputs say so).
RECORDS_PEOPLE = Lexicon("""
    camera, cameras, cctv, video, videos, footage, video footage, webcam, webcams, microphone, microphones
    recordings, recording, audio, audio recordings, video recording, video recordings, speech
""")

# What records or scores a person wherever it is said: worn, facing them, or measuring their work.
ON_THE_PERSON = Lexicon("""
    bodycam, bodycams, body-worn camera, body-worn cameras, dashcam, dashcams, dash cam, dash cams
    in-cab camera, in-cab cameras, driver-facing, call recording, call recordings, recorded calls
    screen recording, screen recordings, keystrokes, keystroke, mouse movements, gps traces, location traces
    telematics, wearable, wearables, badge swipes, productivity score, productivity scores, productivity tracking
    eye tracking, eye-tracking, fatigue, drowsiness, distraction
""")

# ...and how a rule names watching or ranking a person at work, in so many words.
WATCHES_STAFF = Lexicon(
    phrases(
        "monitor, monitors, monitoring, track, tracks, tracking, score, scores, scoring, rank, ranks, "
        "ranking, rate, rates, rating, watch, watches, watching",
        ", each, every, individual, our, the",
        "employee, employees, staff, worker, workers, agent, agents, driver, drivers, picker, pickers, "
        "operator, operators, cashier, cashiers, nurse, nurses, courier, couriers",
    )
    + ", "
    + phrases(
        "employee, staff, worker, workforce, agent, driver, operator, picker",
        "monitoring, surveillance, tracking, productivity, performance scores, scorecards",
    )
    + ", "
    + phrases(
        "employees, staff, workers, agents, drivers, pickers, packers, operators, cashiers, nurses, couriers",
        "the model ranks, the model scores, the model rates, the model flags, ranked, scored, rated",
    )
)

# People who give their time unpaid: neither hired nor employed, whatever task they are recruited for.
UNPAID = Lexicon("volunteer, volunteers, volunteering, volunteered, unpaid")
# ...and the words that say a paid job is at stake after all (`volunteers shortlisted for paid roles`).
PAID_WORK = Lexicon("""
    paid role, paid roles, paid job, paid jobs, paid position, paid positions, paid work, paid staff
    paid post, paid posts, salary, salaries, salaried, wage, wages, employee, employees, employed, employment
    employer, employers, job offer, job offers, job applicant, job applicants, vacancy, vacancies, payroll, staff
""")

# Words that say the team has involved the staff's representatives or settled the monitoring's terms.
STAFF_DUTY_SAID = Lexicon("""
    works council, works councils, staff representatives, employee representatives, workers' representatives
    trade union, trade unions, union agreement, collective agreement, co-determination, employees informed
    staff informed, informed the staff, informed our staff, consulted the staff, staff consultation
    dpia, data protection impact assessment, privacy impact assessment, workplace agreement
""")

# What the output or decision does in care: diagnose, treat, dose, screen, triage patients.
CLINICAL_ACT = Lexicon(
    """
    diagnose, diagnoses, diagnosed, diagnosing, diagnosis, diagnostic, misdiagnosis, differential diagnosis
    treatment, treatments, treatment plan, treatment plans, therapy, therapies, dose, doses, dosing, dosage
    prescribe, prescribes, prescribing, screening, screenings
    triage, triaged, triages, triaging, deterioration, deteriorating, sepsis, cancer, cancers, tumour, tumours
    tumor, tumors, lesion, lesions, fracture, fractures, stroke, strokes, arrhythmia, arrhythmias, melanoma
    nodule, nodules, polyp, polyps, retinopathy, pneumonia, abnormal, abnormality, abnormalities
    report as normal, reported as normal, rule out, ruled out, clinical decision, clinical decisions
    mole, moles, rash, rashes, wound, wounds, ulcer, ulcers, glaucoma, seizure, seizures, atrial fibrillation
    heart failure, cardiac arrest, delirium, hypoglycaemia, hypoglycemia, acute kidney injury, pressure ulcer
    pressure ulcers, refer the patient, refers the patient, refer patients, refers patients, urgent referral
    urgent referrals
    radiology report, radiology reports, imaging report, imaging reports, scan report, scan reports
    report for each scan, report for each ct scan, report for each x-ray, report for each mri
    report for each mammogram, report for each slide, report for each ecg
    """,
    unless="""diagnosis code, diagnosis codes, diagnostic code, diagnostic codes, diagnosis-related group
    diagnosis-related groups, discharge diagnosis, icd codes, icd-10 codes, water treatment, wastewater treatment
    heat treatment, surface treatment, seed treatment, diagnostic data, diagnostic codes, fault diagnosis
    machine diagnostics, cv screening, screening calls, screening questions""",
    # a dose of a chemical on a crop, a field or in a tank: not a person's
    everyday=(
        (
            "dose, doses, dosing, dosage",
            """pesticide, pesticides, herbicide, herbicides, fungicide, fungicides, insecticide, insecticides
            spray, sprays, sprayed, spraying, sprayer, fertiliser, fertilisers, fertilizer, fertilizers, crop
            crops, hectare, hectares, tank, tanks, chlorine, coagulant""",
        ),
        # who may take part in research: a trial's criteria name a disease, and checking them diagnoses nobody
        (
            "screening, screenings, cancer, cancers, tumour, tumours, tumor, tumors",
            """eligible, ineligible, eligibility, eligibility criteria, recruitment, recruit, recruits
            recruiting, enrol, enrols, enrolment, enroll, enrollment, pre-screening, prescreening, pre-screen
            prescreen, open trials, open trial, trial place, trial places, open study, open studies
            study place, study places""",
        ),
    ),
)

# Where the plan is in care: patients, clinicians, scans, vital signs.
CLINICAL_SETTING = Lexicon(
    """
    patient, patients, clinician, clinicians, radiologist, radiologists, doctor, doctors, physician, physicians
    nurse, nurses, dermatologist, dermatologists, cardiologist, cardiologists, pathologist, pathologists
    gp, gps, clinical, ward, wards, icu, intensive care, emergency department
    x-ray, x-rays, xray, xrays, mri, ct scan, ct scans, mammogram, mammograms, mammography, ecg, ecgs, ekg
    ultrasound, scans, biopsy, biopsies, vital signs, vitals, blood test, blood tests, lab results, pathology
    """,
    # the health of a machine or a crop: not care
    everyday=(
        (
            "scans",
            """barcode, barcodes, qr, document, documents, paper, invoice, invoices, parcel, parcels
            handwritten, diary, diaries, notebook, notebooks, logbook, logbooks, receipt, receipts, form, forms
            page, pages, letter, letters, certificate, certificates, delivery note, delivery notes""",
        ),
    ),
)

# Words that say the device's regulatory route is already in hand.
DEVICE_DUTY_SAID = Lexicon("""
    ce mark, ce-marked, ce marked, ce marking, mdr, ivdr, medical device regulation, fda, fda clearance, fda-cleared
    notified body, samd, software as a medical device, medical device software, class iia, class iib
    iec 62304, iso 13485, pccp, predetermined change control plan, change control, regulatory affairs
    regulatory approval, regulatory clearance, clinical evaluation, post-market surveillance, quality management system
""")

# Uses the EU AI Act lists as high-risk (its Annex III), each by the words that name it in a plan.
EDUCATION_USE = Lexicon(
    """
    admission, admissions, admit, admits, admitted, proctoring, proctored, online proctoring, cheating
    plagiarism, academic misconduct, essay scoring, automated marking, grade, grades, graded, grading
    final marks, exam marks, coursework marks, exam results, exam scores, placement test, placement tests
    pass or fail, passes or fails, fail the exam, fails the exam, failed the exam, assess students
    assesses students, assessment of students
    """,
    unless="hospital admission, hospital admissions, icu admission, icu admissions, emergency admissions",
)
LEARNERS = Lexicon(
    """student, students, pupil, pupils, learner, learners, applicant, applicants, examinee, examinees
    exam board, exam boards, university, universities, college, colleges, school, schools, teacher, teachers
    lecturer, lecturers, tutor, tutors"""
)
EMPLOYMENT_USE = Lexicon(
    """
    hire, hires, hiring, hired, hiring manager, hiring managers, recruit, recruits, recruiting, recruitment, shortlist, shortlists, shortlisted
    shortlisting, cv, cvs, résumé, résumés, resumé, resumés, job application, job applications, job applicant
    job applicants, job offer, job offers, interview invitations, invite to interview, promotion decisions
    dismissal, dismissals, dismiss, dismissed, termination, terminations, deactivate, deactivates, deactivated
    deactivation, deactivations, shift allocation, allocate shifts, allocates shifts, task allocation
    allocate tasks, allocates tasks, performance review, performance reviews, performance evaluation
    performance evaluations, appraisal, appraisals, disciplinary, performance rating, performance ratings
    performance management, performance improvement plan, performance improvement plans, staff scorecard
    staff scorecards, agent scorecard, agent scorecards, employee scorecard, employee scorecards
    rank staff, ranks staff, rank agents, ranks agents, staff ranking, staff rankings, pay review, pay reviews
    bonus decisions
    """,
    unless="""without hiring, instead of hiring, avoid hiring, hire more, hiring more, hire another, hire extra
    hiring extra, hire additional, hiring additional, hiring freeze, car hire, equipment hire, tool hire
    how many * to recruit, how many * to hire, how many * we recruit, how many * we hire, how many to hire
    how many to recruit
    plant hire, hire car, hire cars, hire fleet, hire bikes, bike hire"""
    + ", "
    + _THINGS_HIRED,
)
EMPLOYED = STAFF + Lexicon(
    "applicant, applicants, candidate, candidates, job seeker, job seekers, recruiter, recruiters, hiring managers"
)
# Words that name people only where the plan is about work, hiring or study: a shortlist of suppliers,
# the candidate products a recommender ranks or the candidate matches of a record are no persons.
PEOPLE_IF_HIRING = Lexicon("shortlist, shortlists, shortlisted, shortlisting, candidate, candidates")
# ...and the words that say it is: people applying, hired, employed or examined.
HIRING_SAID = Lexicon(
    """
    applicant, applicants, job applicant, job applicants, job application, job applications, job offer
    job offers, job posting, job postings, job advert, job adverts, job ad, job ads, job seeker, job seekers
    vacancy, vacancies, hire, hires, hiring, hired, recruit, recruits, recruiting, recruitment, recruiter
    recruiters, cv, cvs, résumé, résumés, resumé, resumés, employee, employees, employer, employers
    interviewee, interviewees, graduate scheme, apprenticeship, apprenticeships, internship, internships
    student, students, pupil, pupils, examinee, examinees, exam, exams, election, elections, voter, voters
    """,
    unless="""without hiring, instead of hiring, avoid hiring, hire more, hiring more, hire another, hire extra
    hiring extra, hire additional, hiring additional, hiring freeze, car hire, equipment hire, tool hire
    plant hire, hire car, hire cars, hire fleet, hire bikes, bike hire"""
    + ", "
    + _THINGS_HIRED,
)
CREDIT_USE = Lexicon(
    """
    creditworthiness, credit score, credit scores, credit scoring, credit-scoring, credit limit, credit limits
    credit-limit, credit-limits, credit decision, credit decisions, credit application, credit applications
    credit applicant, credit applicants, loan application, loan applications, loan applicant, loan applicants
    loan approval, loan approvals, loan decision, loan decisions, approve loans, approves loans, personal loan
    personal loans, consumer loan, consumer loans, consumer credit, mortgage, mortgages, mortgage application
    mortgage applications, lending decision, lending decisions, buy now pay later, bnpl, overdraft, overdrafts
    affordability check, affordability checks
    """
)
INSURANCE_USE = Lexicon(
    """
    premium, premiums, underwriting, underwrite, underwrites, underwritten, pricing, priced, price, prices
    risk-based pricing, quote, quotes
    """,
    everyday=(("premium", "subscription, subscriptions, tier, tiers, membership, brand, segment, version"),),
)
# ...life and health insurance only: the Act lists pricing there, not for a car or a home.
INSURED = Lexicon("""
    life insurance, health insurance, life cover, health cover, medical insurance, private medical insurance
    critical illness, critical illness cover, income protection, dental insurance, term life, life policy
    life policies, health policy, health policies
""")
PUBLIC_SERVICES_USE = Lexicon(
    """
    benefit claim, benefit claims, benefits claim, benefits claims, benefit claimant, benefit claimants
    benefits claimant, benefits claimants, benefit payment, benefit payments, benefit recipients, welfare
    welfare payments, welfare claims, social security, social assistance, unemployment benefit, unemployment benefits, housing benefit
    child benefit, disability benefit, disability benefits, means-tested, social housing, council housing
    public housing, emergency call, emergency calls, 911 calls, 999 calls, 112 calls, ambulance dispatch
    emergency dispatch, dispatch priority, public services, social services, child protection
""",
    unless="animal welfare, fish welfare, welfare of the animals",
)
# ...where an emergency is a public one: a customer's emergency (a boiler breakdown, an emergency delivery)
# is a firm's urgent job, not a public emergency service.
EMERGENCY_CALL = Lexicon("emergency call, emergency calls, emergency dispatch, dispatch priority")
PUBLIC_EMERGENCY = Lexicon("""
    police, the police, police force, fire service, fire services, fire brigade, fire and rescue, ambulance
    ambulances, ambulance service, paramedic, paramedics, coastguard, coast guard, emergency services
    999, 911, 112, public safety answering point, emergency medical services
""")
LAW_ENFORCEMENT_USE = Lexicon("""
    predictive policing, reoffending, re-offending, recidivism, offender, offenders, criminal suspects
    suspected offenders, parole, crime prediction, stop and search, person of interest, persons of interest
    gang database, gang members, likely victims, victim risk, risk of victimisation, criminal profiling
""")
MIGRATION_USE = Lexicon("""
    asylum, asylum seekers, asylum seeker, refugee, refugees, border control, border checks, border crossing
    border crossings, border guards, border police, at the border, border agency, immigration, migrant, migrants
    visa application, visa applications, visa applicants, visa decisions, residence permit, residence permits
    work permit, work permits, deportation, deportations, naturalisation, naturalization
""")
BIOMETRIC_USE = Lexicon("""
    face recognition, facial recognition, face matching, face identification, biometric, biometrics
    biometric identification, iris recognition, gait recognition, voice identification, speaker identification
    voiceprint, voiceprints, emotion recognition, emotion detection, detect emotions, detects emotions
    facial expressions, re-identification, person re-identification, identify faces, identifies faces
""")

# Words that say the team has already placed the use under the AI Act and its duties.
AI_ACT_SAID = Lexicon("""
    ai act, eu ai act, annex iii, high-risk system, high-risk ai, high-risk use, conformity assessment
    human oversight, risk management system, fundamental rights impact assessment, fria, eu database
""")

# Consumer flows where the law sets duties: prices set per person, cancelling, dark patterns at checkout.
PERSONAL_PRICE = Lexicon(
    phrases(
        "personalised, personalized, individualised, individualized, tailored",
        "price, prices, pricing, discount, discounts",
    )
    + ", "
    + phrases(
        "price, prices, discount, discounts, coupon, coupons, voucher, vouchers, promo code, promo codes",
        "for each, per, to each, each",
        "customer, shopper, user, subscriber, guest, member, buyer, passenger, traveller, visitor",
    )
    + ", willingness to pay, price sensitivity, price elasticity of each, surveillance pricing"
)
CANCEL_FLOW = Lexicon("""
    cancellation flow, cancellation flows, cancel flow, cancellation page, cancellation journey, cancel button
    tries to cancel, try to cancel, trying to cancel, wants to cancel, want to cancel, when they cancel
    before they cancel, at cancellation, cancel their subscription, cancels their subscription
    cancelling their subscription, canceling their subscription, unsubscribe flow, unsubscribe page
    save offer, save offers, offer to stay, offers to stay
""")
DARK_PATTERN = Lexicon("""
    countdown timer, countdown timers, urgency message, urgency messages, scarcity message, scarcity messages
    fake urgency, only # left, pre-ticked, pre-ticked box, dark pattern, dark patterns
""")
CONSUMER_DUTY_SAID = Lexicon("""
    consumer law, consumer protection, consumer rights, consumer duty, unfair commercial practices
    dark patterns review, cancel in one click, one-click cancellation, as easy to cancel, easy to cancel
    price is personalised, price is personalized, disclose the personalised, disclose the personalized
    told the price, same price for everyone, same prices for everyone
""")

# Outputs with legal weight: a signed document, a certificate, an official notice.
LEGAL_WEIGHT = Lexicon(
    """
    legally binding, binding decision, binding decisions, legal advice, legal opinion, legal opinions
    official notice, official notices, formal notice, formal notices, legal notice, legal notices
    court filing, court filings, court document, court documents, court order, court orders
    tax assessment, tax assessments, notarised, notarized, affidavit, affidavits, expert opinion
    expert opinions, expert report, expert reports, audit opinion, audit opinions, signed report, signed reports
    signed letter, signed letters, signed statement, signed statements, signed opinion, signed opinions
    signed certificate, signed certificates, electronic signature, e-signature, energy performance certificate
    certify, certifies, certifying, attest, attests, attestation, attestations, medical certificate
    medical certificates, sick note, sick notes, fit note, fit notes, death certificate, death certificates
    building permit, building permits, permit decision, permit decisions, planning decision, planning decisions
    inspection certificate, inspection certificates, safety certificate, safety certificates, valuation report
    valuation reports, eviction notice, eviction notices
    """,
    unless="ssl certificate, ssl certificates, tls certificate, tls certificates, certificate expiry",
)
# Outputs that warn the public: a bulletin people act on for their safety.
PUBLIC_SAFETY = Lexicon("""
    public warning, public warnings, warning to the public, warnings to the public, warn the public, warns the public
    public alert, public alerts, alert the public, alerts the public, safety bulletin, safety bulletins
    avalanche bulletin, avalanche bulletins, avalanche warning, avalanche warnings, avalanche danger level
    flood warning, flood warnings, flood alert, flood alerts, storm warning, storm warnings, weather warning
    weather warnings, heat warning, heat warnings, heat-health alert, heat-health alerts, wildfire warning
    wildfire warnings, fire danger rating, fire danger ratings, tsunami warning, tsunami warnings
    earthquake warning, earthquake warnings, evacuation order, evacuation orders, evacuation warning
    evacuation warnings, boil-water notice, boil-water notices, boil water notice, boil water notices
    do-not-drink notice, air quality alert, air quality alerts, air quality warning, air quality warnings
    pollution alert, pollution alerts, public health alert, public health alerts, health advisory
    health advisories, bathing water warning, bathing water warnings, product recall, product recalls
    recall notice, recall notices, safety recall, safety recalls, travel warning, travel warnings
""")
# Words that name who signs, issues and answers for such an output.
SIGNER_SAID = Lexicon("""
    signs, signed by, countersigns, countersigned, co-signs, signs off, signed off by, issued by, issues it
    issues them, issues each, issues the, issues warnings, issues alerts, issues bulletins, who issues, sign the
    sign it, sign them, sign each, they sign, who signs approves and issues, reviews and signs, reviews and issues, liability, liable
    professional indemnity, accountable for each, answers for each
    remains responsible, remain responsible, stays responsible, stay responsible, remains accountable
    stays accountable, keeps responsibility, keep responsibility, responsible for each, responsible for every
""")


# Recordings that always hold people: a voice on a call, a camera worn by or facing a person.
PEOPLE_RECORDED = Lexicon("""
    call recording, call recordings, recorded calls, recordings of calls, voice recording, voice recordings
    voice notes, voicemail, voicemails, recorded meetings, meeting recordings, recorded interviews
    bodycam, bodycams, body-worn camera, body-worn cameras, dashcam, dashcams, dash cam, dash cams
    in-cab camera, in-cab cameras, driver-facing, doorbell camera, doorbell cameras, webcam, webcams
""")

# Where a camera or a microphone meets people: who is there, what identifies them, the places they pass.
WHERE_PEOPLE_ARE = Lexicon(
    """
    people, person, persons, pedestrian, pedestrians, passer-by, passers-by, bystander, bystanders, crowd
    crowds, shopper, shoppers, customer, customers, visitor, visitors, passenger, passengers, driver, drivers
    cyclist, cyclists, worker, workers, employee, employees, staff, student, students, pupils, patient
    patients, resident, residents, caller, callers, children, guests, spectators, commuters
    face, faces, facial, voice, voices, number plate, number plates, licence plate, licence plates
    license plate, license plates, street, streets, public space, public spaces, entrance
    entrances, gate, gates, car park, car parks, parking lot, parking lots, parking garage, shop, shops
    store, stores, self-checkout, self-checkouts, in-store, in store, store entrance, store entrances, supermarket
    supermarkets, shopping centre, shopping centres, mall, malls, checkout, checkouts, aisle, aisles
    office, offices, shop floor, factory floor, warehouse floor, workplace, construction site, construction
    sites, bus, buses, train, trains, tram, trams, taxi, taxis, lobby, reception, corridor, corridors, ward
    wards, classroom, classrooms, school, schools, playground, playgrounds, stadium, stadiums, venue, venues
    homes, doorstep, doorsteps, front door, front doors, junction, junctions, pavement, pavements, sidewalk
    sidewalks, train station, train stations, railway station, railway stations, bus station, bus stations
    metro station, metro stations, petrol station, petrol stations, airport, airports, restaurant, restaurants
    hotel, hotels, traffic, checkpoint, checkpoints, phone calls, phone call, conversations
    """,
    unless="""logic gate, logic gates, quality gate, quality gates, stage gate, stage gates, web traffic
    network traffic, website traffic, site traffic, traffic data, home page, train the model, train a model
    train our model, train models, train on, to train, bus factor, api call, api calls, function call
    function calls, model call, model calls, office hours, back office, back-office, head office
    device driver, device drivers, camera driver, camera drivers, printer driver, printer drivers
    data store, feature store, object store, vector store, blob store, key-value store, app store, play store
    stores data, stores the, stores it, stores them, stores footage, stores images, stores video, stores frames
    stores clips, stores recordings, store the, store it, store them, store footage, store images, store video
    store frames, store clips, store recordings""",
    # the faces of a box or a rock: surfaces, not people
    everyday=(
        (
            "face, faces",
            """box, boxes, parcel, parcels, cube, cubes, part, parts, panel, panels, rock, cliff, wall, walls
            tile, tiles, crystal, crystals, die, dice, surface, surfaces, coal, seam, seams, board, boards
            log, logs, timber, plank, planks, wood, veneer, sheet, sheets, stone, stones, slab, slabs""",
        ),
    ),
)

# Words that say the team already removes or keeps out the people in its recordings.
PEOPLE_REMOVED = Lexicon("""
    blur, blurs, blurred, blurring, pixelate, pixelated, pixelation, anonymise, anonymised, anonymisation
    anonymize, anonymized, anonymization, redact, redacted, redaction, de-identified, de-identify
    no people, no faces, without people, faces masked, masked faces, privacy masking, privacy masks
    nobody in view, no one in view, nobody in frame, no one in frame, no staff in view, no staff in frame
    people never appear, staff never appear, never shows people, never show people
""")

# An output a person confirms or edits: a draft, a suggestion, a pre-filled value.
PROPOSAL = Lexicon("""
    draft, drafts, drafted, first draft, pre-filled, prefilled, pre-fills, prefills, pre-fill, prefill
    pre-populated, prepopulated, pre-populates, suggested, suggests, suggestion, suggestions, proposed
    proposes, proposal, proposals, recommended code, recommended codes, suggested code, suggested codes
    proposed code, proposed codes, pre-selected, preselected, auto-filled, autofilled, proposed value
""")

# What the person does with it.
CONFIRMS = Lexicon("""
    confirm, confirms, confirmed, confirming, accept, accepts, accepted, accepting, approve, approves
    approved, approving, edit, edits, edited, editing, correct, corrects, corrected, amend, amends
    amended, adjust, adjusts, adjusted, review, reviews, reviewed, reviewing, check, checks, checked
    checking, verify, verifies, verified, validate, validates, validated, sign off, signs off, override
    overrides, overridden, tweak, tweaks, tweaked, rewrite, rewrites, changes, change, signs, reject
    rejects, rejected
""")

# A monitored signal or a metric that watches how often the person departs from the proposal, or a
# check made without it.
OVERRIDES_WATCHED = Lexicon("""
    override, overrides, overridden, override rate, overruled, blind, blinded, blind check, blind checks
    blind review, without the suggestion, without the draft, without seeing, acceptance rate, accept rate
    accepted unchanged, accepted as is, edit rate, edited, edits, changed, change, changes, rewrite
    rewrites, rewritten, corrected, corrections, rejected, agreement with the model, disagree, disagrees
    unchanged, as proposed, as suggested, as drafted, correction rate, correction rates, correction, edit share
    change rate, share corrected, share changed, share edited
""")

# ---------------------------------------------------------------- labels: judged or recorded

# A label that is somebody's judgement rather than a recorded event.
JUDGED = PEOPLE + Lexicon("""
    auditor, auditors
    flag, flags, flagged
    judge, judges, judged, judgement, judgment
    rated, rating, ratings
    annotated, annotation, annotations, annotator, annotators
    tagged, boxed, marked, graded
    opinion, opinions
    labelled, labeled, labeller, labellers, labeler, labelers
""")

# A label that records what happened.
RECORDED = Lexicon("""
    settled, closed, paid, shipped, sold
    cancel, cancels, cancelled, canceled, cancellation, cancellations
    default, defaults, defaulted
    chargeback, chargebacks
    returned, confirmed, recorded
    died, death, deaths, readmitted, readmission, readmissions
    failed, failure, failures, delivered
    biopsy, biopsies
""")


# ---------------------------------------------------------------- where the data comes from

# Things rows come in groups of: a random split puts the same one on both sides.
GROUPS = Lexicon(
    """
    patient, patients, women, woman
    customer, customers, client, clients
    store, stores, shop, shops
    user, users, accounts, per account, each account, account holder, account holders
    household, households
    device, devices
    driver, drivers
    seller, sellers, merchant, merchants, supplier, suppliers
    hospital, hospitals, clinic, clinics, site, sites
    shelf, shelves, aisle, aisles
    camera, cameras
    school, schools, student, students
    factory, factories, plant, plants
    employee, employees, aircraft, vehicle, vehicles, vessel, vessels, batch, batches, warehouse, warehouses
    branch, branches
""",
    unless=phrases("key, main, biggest, cost, revenue, growth, top", "driver, drivers")
    # a time of year named after schools, not the schools the rows come from
    + ", school holidays, school holiday, school term, school terms, school year, school years, school run"
    + ", school breaks, school break, school calendar"
    # where a person goes, not the sites the rows come from
    + ", on site, on-site, onsite, off site, off-site, site visit, site visits, on the site, to site, "
    # where the records are stored (a data warehouse), not a warehouse the rows come from
    + phrases(
        "data, claims, sales, enterprise, analytics, reporting, finance, policy, records, the data, our data",
        "warehouse, warehouses",
    )
    + ", warehouse table, warehouse tables, warehouse export, warehouse exports, warehouse extract",
)

# A group word said as an attribute of each case (`vehicle details`, `store size`, `device type`): it
# describes the row, and says nothing of several rows sharing that vehicle, store or device.
GROUP_ATTRIBUTES = Lexicon(
    phrases(
        ", ".join(entry for entry in GROUPS.entries if " " not in entry),
        """details, detail, type, types, make, makes, model, models, age, size, class, category, colour
        color, registration, value, mileage, year, features""",
    )
)

# A group the data holds one of, or the product sees the same ones of: no new group to generalise to.
ONE_GROUP = Lexicon(
    phrases(
        "one, a single, single, 1, only one, just one, our, our own, our one, our only, the same, fixed, the fixed, our fixed",
        """hospital, clinic, site, store, shop, school, factory, plant, camera, cameras, device, devices
        line cameras, ceiling cameras, warehouse, depot, farm, mine, port, lab, office, branch""",
    )
    # a company's one building said as `the warehouse`: the site itself, not one of many
    + ", "
    + phrases("the", "warehouse, depot, factory, plant, mine, distribution centre, distribution center")
)

# Series a forecast must serve that its data does not hold: new stores, sites still to open.
NEW_SERIES = Lexicon(
    phrases(
        "new, newly opened, future, planned, unseen",
        """store, stores, shop, shops, site, sites, branch, branches, hospital, hospitals, clinic, clinics
        warehouse, warehouses, depot, depots, location, locations, route, routes, product, products, market
        markets""",
    )
    + ", stores that open, sites that open, stores to open, sites to open, new openings, cold start"
)

# Sources that images, clips and scans are cut from: many examples each, so they group the data too. A
# field of a record (`form fields`, `the invoice's text fields`) is a column of one row, not a place.
MEDIA_SOURCES = Lexicon(
    """
    field, fields, farm, farms, orchard, orchards, plot, plots
    volunteer, volunteers, participant, participants, speaker, speakers
    video, videos, film, films, recording, recordings
    flight, flights, slide, slides
""",
    unless=phrases(
        """form, forms, job-sheet, job-sheets, sheet, sheets, record, records, database, table, spreadsheet, csv,
        text, free-text, input, data, metadata, header, document, invoice, report, enquiry, application, entry,
        web-form, survey, questionnaire, log, xml, json, structured, optional, required, mandatory, blank, empty""",
        "field, fields",
    ),
)

_PLACE = """site, sites, store, stores, shop, shops, branch, branches, hospital, hospitals, clinic, clinics,
    centre, centres, center, centers, warehouse, warehouses, plant, plants, factory, factories, city,
    cities, region, regions, country, countries, scanner, scanners, camera, cameras, device, devices,
    machine, machines, production line, production lines, farm, farms, school, schools, lab, labs,
    office, offices, market, markets, ship, ships, vessel, vessels, route, routes"""
_MEDIA = "photo, photos, picture, pictures, image, images, camera, cameras, video, videos"

# A narrow origin: one or two sites, one device, phone photos, a pilot, studio or synthetic data.
NARROW_ORIGIN = Lexicon(
    phrases("one, a single, single, 1, two, 2, three, 3, a few, few, a handful of", ", pilot", _PLACE)
    + ", pilot, "
    + phrases("phone, smartphone", _MEDIA)
    + ", "
    + phrases(
        "handheld, studio, synthetic, simulated, lab",
        "photo, photos, picture, pictures, image, images, scan, scans, recording, recordings, data",
    ),
    # the pilot of an aircraft: a person at work, not a trial site
    everyday=(("pilot", "aircraft, airline, airlines, airliner, cockpit, crew, crews, co-pilot, captain"),),
)

_SCOPE = """site, sites, store, stores, shop, shops, branch, branches, hospital, hospitals, clinic,
    clinics, centre, centres, center, centers, warehouse, warehouses, plant, plants, factory, factories,
    city, cities, region, regions, country, countries, market, markets, school, schools, farm, farms,
    subsidiary, subsidiaries, office, offices, depot, depots, ship, ships, vessel, vessels, fleet,
    route, routes"""

# A wider scope for the product: every site, a number of them, nationwide, fixed cameras.
WIDE_SCOPE = Lexicon(
    phrases("all, every, across", ", the, our", ", #", _SCOPE)
    + ", "
    + phrases("#", _SCOPE)
    + ", nationwide, whole fleet, entire fleet, worldwide, "
    + phrases("fixed, ceiling, cctv, production, field", ", *", "camera, cameras")
)

# The team's own schedule (we will add it later, in phase 2): the everyday sense of words of afterwards.
_SCHEDULE = """we will, we'll, we plan, we may, we might, we intend, we hope, we'd, we can, we could
    will add, to add, add, adding, plan to, plans to, phase, phase 2, next phase, second phase, release
    releases, roadmap, sprint, sprints, next version, v2, milestone, iteration, eventually, future work
    once the pilot"""

# A standard feed many buyers share (a national weather service, exchange rates, public holidays): its
# definitions seldom change without notice, unlike a vendor's bespoke data.
STANDARD_FEED = Lexicon("""
    weather service, weather services, met office, national weather service, meteorological service
    weather forecast, weather forecasts, weather feed, weather api, weather data
    exchange rate, exchange rates, fx rates, public holidays, holiday calendar, bank holidays
    census, postcode directory, postal directory, market data feed, market data feeds
""")

# A market's own record of its trades (an auction's clock results, an exchange's settlement prices): the
# prices themselves, published alike to every participant, not a vendor's processing of them.
MARKET_RECORD = Lexicon("""
    auction results, auction clock results, clock results, auction prices, hammer prices, clock prices
    exchange prices, exchange's prices, settlement prices, closing prices, day-ahead prices, spot prices
    exchange trades, exchange's trades, trade prints, auction records, auction's records
""")

# A source named as the team's own records, wherever a tool hosts them (our tickets in Zendesk).
OWN_RECORDS = Lexicon("our, our own, own, in-house")
# A source named as a tool's export of the team's own records (the e-mail platform's export of our sends).
PLATFORM_EXPORT = Lexicon(
    "platform export, portal export, crm export, account export, app export, shop export"
)
# A source named as a fixed reference list: read once and kept, it holds no people and no vendor's running
# definitions (an item volume dictionary, a code list).
STATIC_REFERENCE = Lexicon("""
    dictionary, reference list, reference table, lookup table, look-up table, code list, code table
    gazetteer, glossary, thesaurus, taxonomy
""")

# Inputs whose value for the predicted period is only observed afterwards.
_OBSERVED = """weather, temperature, temperatures, rain, rainfall, precipitation, wind speed, wind speeds
    sunshine, irradiance, humidity
    observed, observation, observations, actuals
    spot price, spot prices, market price, market prices, exchange rate, exchange rates
    electricity price, electricity prices, fuel price, fuel prices, gas price, gas prices, oil price
    oil prices, wholesale price, wholesale prices, commodity price, commodity prices
    traffic"""
# Words that say a reading runs up to the moment of prediction: what has happened so far, read live.
SO_FAR = """so far, up to now, to date, until now, up to the moment, up to the moment of prediction, until the
    moment of prediction, live, read live, in real time"""

# A reading of the product's own process or asset, taken live up to the moment of prediction (the tank's
# temperature so far, the battery's current temperature): measured then, not weather still to come.
OWN_READING = """so far, to date, up to now, until now, up to the moment, at the moment, right now, current
    currently, live, latest, in this firing, in this batch, in this run, in this cycle, in this shift
    up to # am, up to # pm, until # am, until # pm, before # am, before # pm, up to the forecast
    tank, tanks, vessel, vessels, kiln, kilns, furnace, furnaces, oven, ovens, boiler, boilers, reactor
    reactors, chamber, chambers, engine, engines, battery, batteries, cell, cells, motor, motors, bearing
    bearings, pump, pumps, coolant, oil, core, patient, patients, body, cabinet, cabinets
    fridge, fridges, freezer, freezers, cold room, cold rooms, greenhouse, greenhouses, server, servers
    rack, racks, transformer, transformers, snowpack, probe, probes, telemetry, machine, machines
    mould, moulds, mold, molds, press, presses, shot, shots, cremator, cremators, burner, burners, heater
    heaters, barrel, barrels, nozzle, nozzles, hearth, hearths, controller, controllers, plc, machine log
    machine logs, each shot, per shot, each cycle, per cycle, each run, per run, each batch, per batch"""
_MEASURED = "temperature, temperatures, humidity, irradiance"
# Another series' actual values for the predicted period (the stores' sales of the week forecast); its
# past values, said as such, are known when predicting.
_OTHER_SERIES = "actual sales, actual demand, actual volumes, actual orders, actual footfall, actual bookings"
OTHER_SERIES = Lexicon(_OTHER_SERIES)
_OWN_PAST = """past, last, previous, lagged, lag, lags, history, historical, so far, to date, up to, until
    before, yesterday, yesterday's, earlier, prior"""
OBSERVED_LATER = Lexicon(
    _OBSERVED + ", " + _OTHER_SERIES,
    # a forecast of the weather is what is known when predicting; added later is the team's schedule
    everyday=(
        (_OBSERVED, _SCHEDULE + ", forecast, forecasts, forecasted, as planned, planned"),
        (_MEASURED, OWN_READING),
        (_OTHER_SERIES, _SCHEDULE + ", " + _OWN_PAST),
    ),
)

# Words that say the team already feeds inputs as they were known when predicting.
AS_KNOWN = Lexicon("""
    as issued, issued, as known, known at, known when, available at, available when
    point-in-time, point in time, as of, vintage, vintages, lagged, no future
    archived, archived forecast, archived forecasts, at prediction time, at forecast time
    up to the day of prediction, up to the time of prediction, up to the moment of prediction
""")


# Inputs of training known only after the fact: a reanalysis, a hindcast, observed values in place of
# the forecasts the product will read.
HINDSIGHT = Lexicon("""
    reanalysis, reanalyses, re-analysis, era5, era-5, merra-2, hindcast, hindcasts, hindcasted, hindcasting
    observed values, observed weather, observed temperatures, observed rainfall, observed wind
    actual weather, actual temperatures, actual rainfall, weather actuals, actuals, station observations
    actual prices, observed prices, realised prices, realized prices, settled prices, settlement prices
    actual demand, observed demand, realised demand, realized demand, outturn, outturn demand
    actual arrivals, actual arrival times, actual departures, actual departure times, as flown, as operated
""")
# The product reads forecasts live (of the weather, of prices): the other side of HINDSIGHT.
READS_FORECASTS = Lexicon("""
    forecast, forecasts, forecasted, weather forecast, weather forecasts, nwp, forecast model
    numerical weather prediction, ensemble forecast, ensemble forecasts, forecast data, forecast inputs
    price forecast, price forecasts, demand forecast, demand forecasts, day-ahead forecast, day-ahead forecasts
    forecast prices, forecast demand, published timetable, published schedule, scheduled arrivals
    scheduled departures, planned arrivals, planned departures
""")
# Training on the forecasts as they were issued, not on what was observed.
TRAINED_ON_ISSUED = Lexicon("""
    archived forecast, archived forecasts, forecast archive, archive of forecasts, forecasts as issued
    as-issued forecasts, trained on forecasts, trained on the forecasts, train on forecasts
""")

# ---------------------------------------------------------------- metrics and how they are checked

# The kind of measure a figure is on: two figures of different kinds cannot be compared.
MEASURE_KINDS = Lexicon("""
    recall, precision, f1, f1-score, f-score, accuracy, auc, auroc, roc auc, pr-auc, average precision
    mae, mape, smape, rmse, mse, mean absolute error, ndcg, mrr, rouge, rouge-l, bleu, bertscore
    kappa, exact match, wer, word error rate, cer, iou, dice, sensitivity, specificity, ppv, npv
    faithfulness, fluency, helpfulness, readability, latency
""")

# What one row or one item counts: a share of one cannot be multiplied by a count of another.
ITEM_UNITS = {
    "customer": Lexicon(
        "customer, customers, client, clients, cardholder, cardholders, subscriber, subscribers"
    ),
    "account": Lexicon("account, accounts"),
    "transaction": Lexicon("transaction, transactions, purchase, purchases"),
    "order": Lexicon("order, orders"),
    "invoice": Lexicon("invoice, invoices"),
    "claim": Lexicon("claim, claims"),
    "ticket": Lexicon("ticket, tickets"),
    "patient": Lexicon("patient, patients"),
    "session": Lexicon("session, sessions, visit, visits"),
    "message": Lexicon("message, messages, email, emails"),
    "document": Lexicon("document, documents, page, pages"),
    "image": Lexicon("image, images, photo, photos, frame, frames"),
}

# A baseline nobody would ship: a constant, chance, the overall mean: easy to beat, so beating it says little.
STRAW_MAN = Lexicon("""
    overall mean, overall average, global mean, global average, mean of all, average of all
    predict the mean, predicting the mean, predicts the mean, predict the average, predicting the average
    mean baseline, average baseline, mean predictor, constant predictor, constant prediction
    random guess, random guessing, random baseline, random predictor, random ranking, random order
    at random, chance level, coin flip, majority class, majority-class, most frequent class
    always no, always yes, always predicting, all zeros, no model
""")

# A simple method a plan names as today's way or its fallback (a median per surgeon, last year's week).
SIMPLE_METHOD = Lexicon("""
    median, medians, historical, rule of thumb, rules, lookup, lookup table, heuristic, heuristics
    moving average, seasonal naive, naive forecast, last week, last year, same week last year
    same day last week, logistic regression, linear regression, scorecard
""")

# A done metric or its data that says the product is judged live.
JUDGED_LIVE = Lexicon(
    """
    a/b, a/b test, a/b tests, a/b-test, a/b-tests, ab test, ab tests, online, live
    shadow, canary, holdout, holdouts, hold-out, pilot, control group, control, experiment, experiments
""",
    unless="holdout set, holdout sets, hold-out set, hold-out sets, holdout data, hold-out data",
)

# Metrics of word overlap: they barely move when a fact is left out or invented.
WORD_OVERLAP = Lexicon("""
    rouge, rouge-1, rouge-2, rouge-l, rouge-lsum, rougel, bleu, meteor, cider, chrf
    bertscore, bert score, bert-score, word overlap, n-gram, n-grams, ngram, ngrams
    perplexity, edit distance, similarity to, cosine similarity
""")

# A share of drafts people signed or passed with few changes: it sees what they noticed, not a wrong figure.
SIGNED_AS_IS = Lexicon("""
    sign as is, signed as is, signed off as is, signed unchanged, signed off unchanged, minor edits
    minor edit, light edits, few edits, approved as is, approved unedited, approved unchanged
    marked acceptable, marked usable
""")

# Metrics that look at the harmful error.
SEES_HARM = Lexicon("""
    omission, omissions, omitted, omit, omits, missed, misses, missing, miss
    invented, invent, invents, fabricated, fabrication, fabrications
    hallucination, hallucinations, hallucinated, factual, factuality, faithful, faithfulness
    error, errors, wrong, expert, experts, lawyer, lawyers, clinician, clinicians, doctor, doctors
    review, reviews, reviewed, reviewer, reviewers, checked, judge, judged, judgement, judgment
    human, humans, recall, precision, harm, harms, harmful, critical, safety, unsafe
    accuracy, accurate, inaccurate, inaccuracy
""")

# A human score that nobody measured case by case: a guess, an estimate by eye, a board's impression.
ROUGH_FIGURE = Lexicon("""
    rough, roughly, rough estimate, rough guess, guess, guesses, guessed, guesstimate, by eye, eyeballed
    ballpark, gut feeling, gut feel, impression, anecdotal, anecdotally, back-of-the-envelope, informal
    informally, not measured, never measured, unmeasured, estimate by, estimated by, estimate from
    board estimate, board's estimate, management estimate, self-reported, self-assessed, they think
    they believe, we think, we believe
""")

# A class nobody can collect more of: rare natural events, extremes, failures that cannot be staged.
UNCOLLECTABLE = Lexicon(
    phrases("cannot, can't, can not, could not, couldn't", "be collected, be created, be staged, be produced")
    + ", "
    + phrases(
        "cannot, can't, can not, could not, couldn't", "be collected, be created, be staged", "on demand"
    )
    + """, not on demand, rare natural, rare natural event, rare natural events, natural events, extreme events
    once in # years, every # years, in # years, in twenty years, in ten years, in a decade, in decades
    once a decade, once a century, a few times a decade, only happens, happens rarely, seldom happens
    cannot be simulated, can't be simulated, impossible to collect, impossible to stage, no way to collect
    no more examples, all there are, all that exist, every one that exists, every known case
    every recorded case, all recorded cases"""
)
# A done metric or a plan that already merges the rare class with its neighbours.
MERGED_CLASSES = Lexicon("""
    together, combined, merged, merge, merging, pooled, grouped, and above, or above, or higher, and higher
    or worse, and worse, or more, one class, a single class
""")

_MONTHS = """january, february, march, april, may, june, july, august, september, october, november
    december, jan, feb, mar, apr, jun, jul, aug, sep, sept, oct, nov, dec"""

# A fixed date outside the team that ends the work whatever happens (a timetable freeze on 15 April, the
# season's start, a regulator's deadline): a fold tied to it is a time box, however many weeks away.
FIXED_DATE = Lexicon(
    phrases("#", _MONTHS)
    + ", "
    + phrases(_MONTHS, "#")
    + """, deadline, deadlines, freeze, freezes, cut-off, cut-off date, cutoff date, go-live date, launch date
    start date, season start, season starts, start of the season, opening day, tender deadline
    filing deadline, submission deadline, regulatory deadline, statutory deadline, contract end
    end of the contract, end of the season, timetable change, timetable starts"""
)

# A share of predictions right: accuracy by another name.
SHARE_RIGHT = Lexicon("""
    accuracy, accurate, correct, correctly, right, error rate, hit rate
    misclassification, misclassifications, success rate
""")

# Names that make such a share aware of the rare class.
RARE_AWARE = Lexicon("""
    balanced, macro, per-class, per class, precision, recall, f1, f1-score, f-score, f-measure
    auc, pr-auc, roc-auc, auroc, auprc, average precision, cost, costs, cost-weighted, kappa, mcc
""")

# A share of cases on which the model agrees with people or a reference: accuracy by another name, so
# predicting the common class every time already agrees on nearly all of them.
AGREED_SHARE = Lexicon(
    """
    agreement, overall agreement, percent agreement, percentage agreement, raw agreement, agreement rate
    rate of agreement, observed agreement
""",
    unless="purchase agreement, service agreement, licence agreement, license agreement",
)

# An agreement over every case: with people's decisions, with a reference, chance-corrected or not.
AGREEMENT = AGREED_SHARE + Lexicon("cohen's kappa, kappa, fleiss' kappa, weighted kappa")

# Accuracy by its name, and the names that make it rare-class aware.
ACCURACY = Lexicon("accuracy")
BALANCED = Lexicon("balanced, macro, per-class, per class")

# A done metric measured on the device itself.
MEASURED_ON_DEVICE = Lexicon("""
    latency, memory, ram, flash, model size, on-device, on device, power, battery
    inference time, p99, p95, peak memory
""")

# A done metric measured at the budget people can work (the daily top), not over all cases.
AT_A_BUDGET = Lexicon("""
    top, top-k, top k, at k, precision at k, recall at k, precision@k, recall@k
    per day, a day, per shift, a shift, per week, a week, per hour, an hour, per nurse, per analyst
    per reviewer, per inspector, daily, budget, capacity, alerts per, flags per
""")

# A done metric over the whole ranking or all cases, blind to the cut where people act.
OVER_ALL_CASES = Lexicon("""
    auc, roc auc, auroc, roc-auc, pr auc, pr-auc, auprc, area under the curve, gini, c-statistic
    concordance, correlation, spearman, kendall, rank correlation, mape, map, mean average precision
""")

# The decision: people work the highest-scored cases first, as far as their day allows.
TOP_OF_QUEUE = Lexicon("""
    highest-scoring, highest scoring, highest-scored, highest scored, highest-ranked, highest ranked
    highest risk first, riskiest first, top of the list, top of the queue, top of the ranked list
    top of the worklist, work down the list, works down the list, working down the list
    as many as they can, as many as staff can, as far as they get, as time allows
""")

# A unit of capture, not a thing anyone decides about: one object is seen in many frames or images.
CAPTURE_UNITS = Lexicon("""
    frame, frames, video frame, video frames, image, images, photo, photos, picture, pictures, tile, tiles
    crop, crops, patch, patches, clip, clips, snapshot, snapshots, scan, scans, detection, detections
""")

# The model's output sets what the customer pays or is given: a price, a discount, a giveaway.
SETS_PRICE = Lexicon("""
    price, prices, pricing, priced, discount, discounts, discounted, markdown, markdowns, voucher
    vouchers, coupon, coupons, rebate, rebates, giveaway, giveaways, free gift, free gifts, cashback
    fee waiver, fee waivers, waives the fee
""")

# A metric of volume won: it rises with a deeper discount whatever the discount costs.
GROSS_WON = Lexicon("""
    revenue, revenues, sales, sell-through, sell through, turnover, units sold, gmv, gross merchandise value
    conversion, conversion rate, take-up, uptake, acceptance rate, offers accepted, bookings, occupancy
    retention rate, customers retained
""")

# A metric that counts what winning cost: margin, profit, the discount's own cost.
NET_OF_COST = Lexicon("""
    margin, margins, gross margin, profit, profits, net revenue, net of, contribution, cost of discounts
    discount cost, giveaway cost, incremental profit, roi, return on investment, after discounts
    net of discounts, net of refunds, net of vouchers, cost per action, cost per offer, cost per save
    net value, net savings, net gain, incremental margin, after refunds, after vouchers
""")

# A done metric that counts the true cases found: an earlier stage's recall caps it.
RECALL_OF = Lexicon("""
    recall, sensitivity, true positive rate, detection rate, catch rate, hit rate
    share found, cases found, duplicates found, caught
""")


# ---------------------------------------------------------------- what the free text says against a structured answer

# A label recorded only for the cases a person chose to look at (investigated, referred, approved...).
SELECTED = Lexicon(
    """
    investigated, investigator, investigators
    referred, referral, referrals
    audited, inspected
    approved, approval, approvals, shortlisted, shortlist, hired, interviewed
    treated, biopsied, escalated, escalation, escalations
    confirmed by, flagged by, reported by, chosen by, selected by, picked by, selected for, chosen for
    flagged for, referred for, reviewed by, inspected by, examined by
    sent for review, selected for review, sent to review, pulled for review
    """,
    unless="""randomly audited, randomly inspected, randomly selected, random audit, random audits
    treated as, treated the same, treated like, treated separately, treated differently, treated equally
    referral traffic, referral source, referral sources, referral link, referral links, referral code
    referral codes, referral programme, referral program, referral bonus, referral bonuses
    escalation path, escalation paths, escalation policy, escalation matrix
    audited accounts, audited financials, audited financial statements, as reported by
    grade chosen by, grades chosen by, label chosen by, labels chosen by, class chosen by, category chosen by
    code chosen by, codes chosen by, answer chosen by, value chosen by, level chosen by, tag chosen by
    grade selected by, label selected by, class selected by, category selected by, code selected by
    grade picked by, label picked by, category picked by, code picked by, """
    # An evaluation subset checked by experts (`a 400-case gold subset confirmed by two experts`): a check
    # of the labels, a mitigation, not a choice of which cases get one.
    + phrases(
        """subset, subsets, gold set, gold sets, gold standard, test set, test sets, evaluation set
        evaluation sets, eval set, validation set, holdout set, sample, samples""",
        "confirmed by, reviewed by, checked by, double-checked by, re-checked by, verified by",
    ),
    # Approved of the project's own budget or plan, hired of contractors, picked by of a warehouse's
    # robot: everyday senses, not a person choosing which cases get an outcome.
    everyday=(
        (
            "approved, approval, approvals",
            """budget, budgets, plan, plans, project, projects, funding, funded, headcount, roadmap
            scope, proposal, proposals, business case, design, designs, vendor, vendors, tool, tools
            spend, investment, programme, program, licence, license, licences, licenses, hardware
            steering committee, board, management, leadership, kickoff, kick-off, timeline""",
        ),
        (
            "hired",
            "contractor, contractors, consultant, consultants, agency, agencies, freelancer, freelancers",
        ),
        ("picked by", "robot, robots, arm, arms, gripper, grippers, picker, pickers, tote, totes, bin, bins"),
    ),
)

# Words that say the cases nobody chose get no outcome of their own: they are assumed negative, or
# the outcome is known only where someone flagged, reviewed or confirmed a case. The whole phrase says
# it, so it is read in any answer about the labels.
_CHOSE = """flagged, reviewed, checked, inspected, audited, referred, escalated, investigated, confirmed
    treated, tested, examined, x-rayed, reported, complained, noticed, selected, chosen, picked, opened
    approved, granted, accepted, admitted, hired, funded, released, followed up""".replace("\n", ",")
_NEGATIVE = """negative, negatives, fine, sound, legitimate, genuine, clean, ok, good, compliant, correct
    healthy, benign, normal, safe, valid, innocent, non-fraudulent, not fraud, defect-free, undamaged
    fault-free, in order, paid, repaid""".replace("\n", ",")
ONLY_CHOSEN = Lexicon(
    phrases(
        "only for, only on, only in, only when, only if, only where, only after", ", *, * *, * * *", _CHOSE
    )
    + ", "
    + phrases(
        """all others, all other *, the others, the other *, the rest, everything else, the remainder
        anything else, all remaining *, the remaining *, any other *, unflagged *, unreviewed *
        uninspected *, unchecked *, unflagged, unreviewed, uninspected""".replace("\n", ","),
        "are, is, were, get, count as, default to",
        "assumed, presumed, treated as, counted as, taken as, labelled, labeled, considered, recorded as"
        ", marked, marked as, set to",
    )
    + ", "
    + phrases("assumed, presumed, treated as, counted as, labelled, labeled, taken as", _NEGATIVE)
    + ", "
    + phrases(
        "have no, has no, get no, gets no, never get, never gets, never have, never has",
        "label, labels, outcome, outcomes, ground truth, result, results",
    )
    + ", "
    # a default outcome written in for the cases nobody attended: `unattended reports are closed as no
    # action`, `a missing check is coded as fine`
    + phrases(
        "closed as, coded as, defaulted to, defaults to, default to, filled in as, entered as, auto-closed as",
        "no action, no further action, no fault, no finding, no findings, nothing found, fine, ok, normal"
        ", passed, a pass",
    )
)

# A label that is what someone found when they looked: only the cases somebody chose to look at have
# one, when today's process chooses them.
FOUND_ON_LOOKING = Lexicon(
    """found, confirmed, detected, identified, discovered, substantiated, upheld, diagnosed
    at the inspection, at inspection, at the audit, at audit, at the review, on review, on inspection
    at the check, at investigation, on investigation"""
)

# Words that make a note about the data speak of the labels: who has an outcome, and who has none.
OF_OUTCOMES = Lexicon(
    """
    label, labels, labelled, labeled, outcome, outcomes, ground truth, only, known, unknown, never seen
    result, results, repayment, repaid, default, defaulted, fraud, diagnosis
    """
)

# Words that say the selection is random: cases nobody chose have an outcome too.
AT_RANDOM = Lexicon("random, randomly, at random, random sample, random share, random audit, random audits")

# Words that say the team evaluates on cases drawn at random (a random sample checked whatever the
# score), not on the cases someone chose: a random split of the chosen records is not one.
DRAWN_AT_RANDOM = Lexicon("""
    random sample, random samples, randomly drawn, randomly sampled, randomly selected, randomly chosen
    randomly picked, drawn at random, sampled at random, chosen at random, selected at random
    picked at random, checked at random, inspected at random, audited at random, random audit
    random audits, random test set, random selection, random draw, drawn randomly, sampled randomly
    picked randomly, chosen randomly, selected randomly, random subset, random check, random checks
""")
# Said of the cases a process did not select: the ones a random audit of the unchosen draws from.
UNSELECTED_CASES = Lexicon("""
    unmatched, unflagged, unselected, unchosen, unreferred, uninspected, unchecked, not matched, not flagged
    not selected, not chosen, not referred, not inspected, not checked, not picked, passed over, screened out
    rejected, declined, turned down, the cases nobody chose, nobody chose
""")

# Channels a request or a case arrives by: data from one, a product on another.
CHAT = Lexicon("chat, chats, live chat, chat logs, chat transcripts, webchat, web chat, messenger")
VOICE = Lexicon(
    "phone call, phone calls, telephone, voice, voice calls, calls, call centre, call center, voicemail",
    # calls as a verb ("the model calls it complete", "the nurse calls the team") or of software
    unless="""api call, api calls, function call, function calls, model call, model calls, llm call, llm calls
    calls it, calls them, calls the, calls each, calls this, calls that
    calls out, calls for, calls up, calls back, calls its, calls their, calls our, calls his, calls her
    calls accounts, calls customers, calls patients, voice of the customer, brand voice, tone of voice""",
)
EMAIL = Lexicon("email, emails, e-mail, e-mails, mailbox")
WEB_FORM = Lexicon("web form, web forms, online form, online forms, website, web portal")
APP = Lexicon("app, apps, mobile app, in-app")
# Letters alone are correspondence of any channel (an email is a letter too): paper only when said so.
PAPER = Lexicon(
    """paper, paper forms, by post, fax, faxes
    paper letters, posted letters, letters by post, scanned letters, handwritten letters""",
    unless="""research paper, research papers, white paper, white papers, paper machine, paper machines
    paper mill, paper mills, paper roll, paper rolls, paper grade, paper grades""",
)
IN_PERSON = Lexicon("in person, in-person, at the counter, walk-in, walk-ins, in-store")
CHANNELS = {
    "chat": CHAT,
    "voice": VOICE,
    "email": EMAIL,
    "web form": WEB_FORM,
    "app": APP,
    "paper": PAPER,
    "in person": IN_PERSON,
}

# Data that is not production's: a public benchmark, a lab, a simulation, synthetic or staged data.
NOT_LIVE = Lexicon(
    """
    public dataset, public datasets, public data set, academic dataset, kaggle
    benchmark, benchmarks, benchmark dataset, benchmark data
    in the lab, lab conditions, lab recordings, lab images, lab photos, lab samples, laboratory conditions
    test bench, test rig, simulated, simulation, simulations, simulator, synthetic, synthetically
    generated data, studio, staged, mock, mocked
    lab storage, laboratory storage, lab trial, lab trials, laboratory trial, laboratory trials, storage trial
    storage trials, controlled conditions, climate chamber, climate chambers
    """,
    unless="""staged rollout, staged roll-out, staged release, staged launch, benchmark price
    benchmark prices, benchmark rate, benchmark rates, industry benchmark, industry benchmarks""",
)

# `Final` of the team's own evaluation (the final test set, the final holdout): the last check of the
# model, not a value fixed when a case closes.
FINAL_OF_EVALUATION = phrases(
    "final",
    """test set, test sets, test split, holdout, holdouts, hold-out, hold-outs, held-out set, evaluation
    evaluations, validation, backtest, backtests, model, models, check of the model, test of the model
    benchmark, benchmarks, exam of the model""",
)
# Words that make a sentence speak of the team's evaluation, where `final` is its last step.
EVALUATION_CONTEXT = """holdout, holdouts, hold-out, held-out, held out, test set, test sets, tune, tuning, tuned
    evaluation, evaluate, evaluated, validation, backtest, backtests, split, never used for"""

# Words that make a note on the data say the product sees the same kind of data (the simulations are
# the live input too): not a difference between the data in hand and production.
LIVE_TOO = Lexicon("""
    too, also, as well, likewise, live input, live inputs, only ever sees, only sees, sees only
    only ever runs on, only runs on, runs only on, in production as well
""")

# Words that deny, in the clause that says it, that an input is used: said before the input (`not the
# final count`, `without the closure date`, `instead of the settled amount`)...
DENIED_AHEAD = Lexicon("""
    not the, not a, not an, not any, not its, not their, not our, not using, not including, never the
    never using, without, excluding, except, except for, instead of, rather than, other than
""")
# ...or anywhere in it (`the closure period is excluded`, `the final status is not used`).
DENIED_IN_CLAUSE = Lexicon("""
    excluded, exclude, excludes, left out, leave out, leaves out, not used, never used, not use, unused
    dropped from, are dropped, is dropped, removed from, are removed, is removed, omitted, not included
    not an input, not as an input, not a feature, not part of, kept out
""")

# The stretch of time a label often measures: a stay, a contract, a season, a school year.
LABEL_SPANS = """stay, stays, visit, visits, admission, admissions, trip, trips, contract, contracts, term, terms,
    semester, semesters, year, season, seasons, quarter, month, subscription, subscriptions, loan, loans,
    policy, tenancy, lease, campaign, campaigns, project, projects, trial, study, course, programme,
    program, treatment, episode, claim, claims, period, window, follow-up, warranty, shift, match, game,
    rental, rentals, booking, bookings, membership, journey, flight, voyage, tour"""

# The moments after the prediction at which a record is completed.
RECORD_MOMENTS = """visit, call, inspection, trip, stay, repair, sale, event, match, game, season, audit, claim,
    incident, appointment, delivery, outage, project, course, exam, exams, interview, treatment, surgery,
    operation, loan, contract, campaign"""

# A clause on when the model is rebuilt (`the model is retrained after each sale`): its words of afterwards
# speak of the refit, not of when an input is recorded.
RETRAINING_CLAUSE = Lexicon("""
    retrained, retrain, retrains, retraining, re-trained, re-train, refit, refitted, refits, refreshed
    model is updated, model is rebuilt, rebuilt
""")

# Events that happen to a case after it is decided, which a label often names (`corrected by an
# adjustment`): an input named after the same event carries the label's own record. One lexicon per event.
LABEL_EVENTS = {
    forms.split(",")[0]: Lexicon(forms)
    for forms in (
        "adjustment, adjustments",
        "correction, corrections",
        "refund, refunds",
        "chargeback, chargebacks",
        "write-off, write-offs",
        "reversal, reversals",
        "recall, recalls",
        "escalation, escalations",
        "appeal, appeals",
        "dispute, disputes",
        "cancellation, cancellations",
        "amendment, amendments",
        "settlement, settlements",
        "referral, referrals",
        "rejection, rejections",
        "override, overrides",
        "investigation, investigations",
        "resolution, resolutions",
        "readmission, readmissions",
        "eviction, evictions",
        "suspension, suspensions",
        "termination, terminations",
    )
}

# Words that put an input in the case's past or in other cases: earlier events are known when predicting.
EARLIER = Lexicon("""
    past, previous, previously, prior, earlier, history, historical, last year, last month, before, preceding
    former, other cases, count of past, number of past
""")

# What the handling of a case records: the handler's notes, codes logged on the case by whoever handles it.
HANDLING_RECORDS = Lexicon("""
    handler, handlers, case notes, handler notes, logged on the case, logged on each case, added to the case
    notes on the case, caseworker, caseworkers, case worker, case workers, assessor, assessors, adjuster
    adjusters, investigator, investigators, resolution code, resolution codes, outcome code, outcome codes
    closing code, closing codes, closure code, closure codes, triage notes, assessment notes, review notes
    investigation notes
""")

# A model said to act before a case is handled (triage, routing, a first look): what handling records does
# not exist yet when it predicts.
BEFORE_HANDLING = Lexicon(
    phrases(
        "before, prior to, ahead of",
        "the, a, any, an, its, each, their, ",
        """handling, handler, handlers, review, reviewer, triage, assessment, assessor, investigation,
        investigator, assignment, caseworker, case worker, adjuster, first contact, first look, anyone looks""",
    )
    + ", "
    + phrases(
        "before, prior to",
        "it is, they are, the case is, a case is",
        "handled, reviewed, assessed, assigned, triaged, investigated, opened",
    )
)

# A holdout of whole sites, years or devices the training never saw, or a rule that audits each
# new device or site before its predictions count: the gap is measured, not met unseen.
HELD_OUT_APART = Lexicon(
    phrases(
        """held out by, held-out by, hold out by, holds out by, holdout by, holdouts by, held back by
        split by, tested by, evaluated by, validated by, leave out by""",
        """site, sites, year, years, device, devices, camera, cameras, region, regions, clinic, clinics
        hospital, hospitals, store, stores, branch, branches, country, countries, plant, plants""",
    )
    + ", "
    + phrases(
        "held-out, unseen",
        """site, sites, year, years, device, devices, camera, cameras, region, regions, clinics, hospitals
        stores, branches, countries, plants""",
    )
    + """, leave-one-site-out, leave one site out, leave-one-year-out, leave one year out
    onboarding rule, onboarding rules, onboarding check, onboarding checks, onboarding audit, onboarding audits
    audited for its first, audited for their first, checked for its first, checked for their first"""
)

# The new setting judged on its own before it is trusted: a shadow or parallel run, a test set from it,
# or sites evaluated separately...
RUN_APART = (
    Lexicon("""
    evaluated separately, evaluate separately, evaluates separately, tested separately, test separately
    tests separately, measured separately, measure separately, scored separately, validated separately
    shadow run, shadow runs, shadow season, shadow mode, shadow period, run in shadow, shadow test
    shadow tests, shadow trial, shadow deployment
    parallel season, parallel run, parallel runs, run in parallel, runs in parallel
    test set from, test sets from, labelled sample from, labeled sample from
    results per payload, results per device, results per camera, results per sensor, results per site
    reported per payload, reported per device, reported per camera, reported per site, scored per payload
    scored per device, per-payload results, per-device results, per-camera results, temporal test
    temporal tests, temporal hold-out, temporal holdout
""")
    + HELD_OUT_APART
)
# ...or a pilot there (a pilot may also be where the data came from: only the ticked difference is eased)
PILOT_THERE = Lexicon(
    "pilot at, pilot in, pilot on, piloted at, piloted in, pilot sites, pilot site, pilot stations, pilot wards"
)

# The difference given to the model as an input (the scanner model, the season, the channel as a
# feature): the model learns it rather than meeting it unseen.
MODELLED_IN = Lexicon("""
    as an input, as inputs, as an input feature, as a feature, as features, as a model input
    is an input, are inputs, is a feature, are features, is a model input, are model inputs
    modelled as, modeled as, modelled explicitly, modeled explicitly, encoded as, one-hot encoded
""")

# Inputs described by what happens after the moment of prediction.
# Input names worded as what the case came to after the fact: the fittings a customer ended up having, the
# actual hours, the grade recorded after opening the device; or as written down while the case runs or once
# it is done: the total, what happened during it or on the day, the checkout, the reason, the notes. Asked
# only where `inputs_known_after` is not answered; `final` and `on completion` are ACCRUED's too.
AFTER_THE_FACT = Lexicon(
    """
    ended up, end up, ends up, ending up, was eventually, were eventually, eventually, in the end
    turned out, turns out, actual, actuals, actually, after opening, on opening, once opened, when opened
    after it is opened, after it was opened, after the device is opened, outcome, outcomes, result of
    results of, upon completion, final, total, totals, during, on the day, checkout, check-out, completed
    reason, reasons, notes
    """,
    # An intake's reason and a referral's notes come with the case; a running total is so far; the total
    # size of what someone holds (a flock, a floor, a fleet) measures a stock, known before any case.
    unless="actual size, actual sizes, actual photo, actual photos, actual image, actual images, actual text, "
    + phrases(
        "total", ", *", "size, sizes, area, areas, capacity, capacities, acreage, headcount, population"
    )
    + ", "
    + phrases(
        "reason, reasons", "for", "visit, the visit, call, the call, calling, contact, referral, admission"
    )
    + ", "
    + phrases("visit, call, contact, referral, admission, booking", "reason, reasons, notes")
    + ", running total, running totals, total so far, total to date, totals to date, during booking, "
    "during the booking, during the call, during checkout, at checkout, on the day of booking, completed so far",
    everyday=(("during, total, totals, completed", SO_FAR),),  # read live up to the moment of prediction
)


AFTERWARDS = Lexicon(
    """
    after, afterwards, afterward, later, subsequent, subsequently
    post-discharge, post-incident, post-mortem, post-sale, post-event, post-call, post-visit
    closing, closed, close date, closure, resolution, resolutions, resolved, resolution code
    outcome, outcomes, final, finalised, finalized, settled, settlement
    at discharge, discharge summary, discharge summaries, discharge diagnosis, discharge code
    work order, work orders, the morning after, the day after, next day, next-day, following day
    updated later, filled in later
    """,
    unless="after-sales, after hours, after-hours, " + FINAL_OF_EVALUATION,
    # Later of the team's own schedule (we will add the survey later), after of a cleaning step, the
    # resolution of an image, a past outcome known then: everyday senses, not a value recorded after
    # the moment of prediction.
    everyday=(
        ("after, later", SO_FAR),  # after start-up, read live so far: up to the moment of prediction
        (
            "after, afterwards, afterward, later, subsequent, subsequently",
            _SCHEDULE
            + """, cleaning, cleaned, deduplication, deduplicated, dedup, filtering, filtered, preprocessing
            normalisation, normalization, normalised, normalized, resizing, resized, cropping, cropped
            anonymisation, anonymization, anonymised, anonymized, augmentation, migration""",
        ),
        (
            "resolution, resolutions",
            """image, images, photo, photos, picture, pictures, pixel, pixels, camera, cameras, screen
            screens, video, videos, scan, scans, dpi, megapixel, megapixels, mp, 4k, hd, 1080p, 720p
            lens, lenses, spatial, satellite, drone""",
        ),
        ("final", EVALUATION_CONTEXT),
        (
            "outcome, outcomes, closing, closed, closure, resolved, final, settled, settlement",
            """previous, prior, past, earlier, last month, last week, last year, yesterday, yesterday's
            history, historical, lagged""",
        ),
    ),
)

# A record read as it stands today, not as it stood at the moment of prediction: overwritten since.
AS_OF_TODAY = Lexicon("""
    updated in place, overwritten, overwritten daily, overwritten nightly, overwritten each night
    current export, current extract, current snapshot, current dump
    today's export, today's extract, today's snapshot, latest export, latest extract, latest snapshot
    as it stands today, as they stand today, as it is today, as they are today, as of today
""")

# Cases removed from the records after their outcome: today's data holds only those that remained.
SURVIVORS_ONLY = Lexicon(
    phrases(
        "are, is, get, gets, were, was",
        "deleted, purged, removed, archived off, dropped",
        "when, after, once, on, at",
    )
    + ", "
    + """only active, active ones only, active accounts only, current customers only, active customers only
    current members only, only current, still active, still open, still trading, still operating
    still on the books, still in service, no longer in the system, no longer held, no longer kept
    only currently active, only the active
    survivors, surviving, survivorship"""
)

# A count or score over the first days after the case starts (`in the first week`, `on day 3`)...
EARLY_WINDOW = Lexicon(
    phrases(
        "in the, during the, over the, within the, across the",
        "first",
        "week, two weeks, fortnight, month, few days, few weeks, # days, # weeks, # hours, # months",
    )
    + ", "
    + phrases("on, by, at, from", "day, days, week", "#")
)
# ...for a model said to predict when the case starts (at admission, at booking): those days are to come.
AT_START = Lexicon(
    phrases(
        "at, on, upon",
        """admission, intake, arrival, booking, checkout, check-out, check-in, registration, sign-up
        signup, enrolment, enrollment, onboarding, referral, triage, application, hire, hiring
        purchase, first contact, first visit, the first visit, the start, the start of""",
    )
    + ", "
    + phrases(
        "when, as soon as, once",
        "*, the *, a *, each *, every *",
        "is admitted, arrives, registers, signs up, is booked, enrols, enrolls, is referred, is hired, applies",
    )
)


# An evaluation set of the cases today's process found or succeeded on (the matches the clerks found, the
# cases it resolved): the ones it missed or failed on are not in it, so the model's misses there go unseen.
_FINDERS = """the clerks, clerks, the staff, staff, the team, our team, the reviewers, reviewers, the analysts
    analysts, the agents, agents, the auditors, auditors, the investigators, investigators, today's process
    the current process, the process, today's rules, the current rules, the rules, the old system
    the current system, the current matcher, the old matcher"""
FOUND_TODAY = Lexicon(
    phrases(_FINDERS, "found, identified, matched, caught, linked, detected, resolved, solved, recovered")
    + ", "
    + phrases("found by, identified by, matched by, caught by, linked by, detected by, resolved by", _FINDERS)
    + ", "
    + """successful cases, successfully resolved, resolved successfully, successfully matched
    matched successfully, successfully completed, completed successfully, closed successfully
    where the process succeeded, where today's process succeeded, the ones that worked"""
)


# A label recorded only when someone reports it (complaints, 311 calls, sightings): it counts who reports,
# at rates that differ by area and group, as much as what happens.
_REPORTERS = """residents, the public, members of the public, neighbours, neighbors, citizens, tenants
    customers, users, passengers, drivers, visitors, patients, parents, callers"""
REPORTED_ONLY = Lexicon(
    phrases("reported by, reports from, complaints from, calls from", _REPORTERS)
    + ", "
    + phrases(_REPORTERS, "report, reported, complain, complained, call in, called in, phone in, phoned in")
    + ", "
    + phrases(
        "a, the",
        """resident, member of the public, neighbour, neighbor, citizen, tenant, customer, user, passenger
        driver, visitor, patient, parent, caller""",
        "reports, reported, complains, complained, calls in, called in, phones in, phoned in",
    )
    + ", "
    + """complaint, complaints, complained, 311, 311 call, 311 calls, 311 request, 311 requests
    hotline call, hotline calls, hotline report, hotline reports, tip-off, tip-offs, called in, phoned in
    public report, public reports, resident report, resident reports, citizen report, citizen reports
    user report, user reports, customer report, customer reports, reported sighting, reported sightings
    sighting, sightings, when reported, if reported, once reported, only when reported, when someone reports
    when somebody reports, if someone reports"""
)
# A report named by who it concerns (`customer report`): a report made by the customer, or the document
# written for the customer on every case; the plan's answers say which.
REPORT_DOCUMENTS = Lexicon(phrases("public, resident, citizen, user, customer, hotline", "report, reports"))
# A good outcome counted as the absence of a refusal, complaint or objection (`meal accepted: not
# refused`): silence is no evidence where some cases cannot refuse or complain, or rarely do.
_OBJECTIONS = """refused, refusal, refusals, complaint, complaints, complained, objection, objections, objected
    opted out, opt-out, opt-outs, refuse, complain, opt out"""
SILENCE_AS_GOOD = Lexicon(
    phrases(
        "no, not, without, never, did not, didn't, was not, wasn't, were not, weren't, absence of, absence of a"
        ", absence of any, no record of, no record of a",
        _OBJECTIONS.replace("\n", ","),
    )
)
# Reports dropped when they cannot be matched to a place or a case: the gaps fall where records are poor.
UNMATCHED_DROPPED = Lexicon("""
    cannot be matched, can't be matched, could not be matched, couldn't be matched, not matched, unmatched
    cannot be geocoded, could not be geocoded, not geocoded, ungeocoded, without an address, without a location
""")
# Words that say the team counts what reporting misses: a survey, an inspection of every place, a rate.
REPORTING_CHECKED = Lexicon("""
    reporting rate, reporting rates, reporting bias, under-reporting, underreporting, under-reported
    underreported, adjusted for reporting, corrected for reporting, random survey, random surveys
    survey of every, inspection of every, inspected every, every street, every block, every site, patrols
""")


# A launch judged by comparing the same units before and after it, or with their own past: no concurrent
# control, so whatever else changed between the two periods (season, weather, prices) is read as the model.
BEFORE_AFTER = Lexicon(
    """before and after, before after, before-and-after, pre and post, pre post, pre-post
    before the launch and after, after the launch against before, before vs after, before versus after
    year on year, year-on-year, year over year, year-over-year
    """
    + phrases(
        "with, against, versus, vs, than",
        """last year, last season, last winter, last summer, the year before, the season before
        the previous year, the previous season, the previous month, the previous months, the previous weeks
        the months before, the weeks before, the month before, the same month last year
        the same period last year, the same weeks last year, the same season last year
        the same months last year, its own past, their own past""",
    )
)
# Words that say a concurrent comparison exists: units left without the model over the same weeks.
CONCURRENT_CONTROL = Lexicon("""
    control group, control groups, control site, control sites, control store, control stores, control depot
    control depots, control units, control region, control regions, control arm, holdout group, holdout groups
    held-out sites, held-out stores, at the same time, over the same weeks, over the same period
    in the same weeks, in the same period, concurrent, concurrently, in parallel, matched sites
    matched stores, matched units, difference-in-differences, difference in differences, diff-in-diff
    synthetic control, randomised, randomized, random assignment, a/b, a/b test, ab test
""")
# Words that say the product metric swings with the season or the weather, whatever the model does.
SWINGS = Lexicon("""
    season, seasons, seasonal, seasonality, weather, winter, summer, autumn, spring months, holiday
    holidays, school holidays, christmas, rain, rainfall, temperature, temperatures, heat, heatwave
    heatwaves, snow, frost, storms, peak season, high season, low season, tourist season, tourists
""")


# Data a client owns, or about health, patients or children: leaving the organisation needs someone's yes.
SENSITIVE = Lexicon(
    """
    patient, patients, health, medical, clinical, diagnosis, diagnoses, health records, medical records
    children, child, pupils, minors, student records
    client data, client documents, client files, client contracts, client-owned, clients' data
    customer contracts, confidential, privileged, genetic, biometric, source code
    mental health, disability, disabilities, pregnancy, pregnancies, pregnant, maternity, antenatal
    criminal record, criminal records, criminal convictions, prior convictions, offenders, legal aid, legal-aid
    bank statements, credit history, credit histories, credit records, household income, debts, arrears
    salary, salaries, payslips, tax returns, safeguarding, social care, welfare claims
    """,
    # the health of a machine or a crop, a parent's child item: not people's data
    everyday=(
        (
            "health, child, children",
            """machine, machines, equipment, asset, assets, battery, batteries, pump, pumps, engine
            engines, bearing, bearings, fleet, vehicle, vehicles, crop, crops, soil, plant, plants
            server, servers, network, pipeline, pipelines, system, systems, parent, sku, skus, item
            items, category, categories, node, nodes""",
        ),
    ),
)

# A vendor's hosted service, a cloud, a region abroad.
HOSTED = Lexicon(
    """
    hosted, cloud, saas, third-party, vendor api, vendor's api, external api, openai, azure, aws, gcp
    google cloud, us region, us-east, us-east-1, us-west, abroad, overseas, offshore, us-based
    gpt-4, gpt-4o, claude, gemini
    """,
    unless="""point cloud, point clouds, cloud cover, cloudy, cloud-free, offshore wind, offshore platform
    offshore platforms, offshore rig, offshore rigs, offshore turbine, offshore turbines""",
)

# Words that say the terms of sending data out were settled: an agreement, no retention, no training on it.
AGREED = Lexicon(
    """
    data processing agreement, data processing agreements, dpa, dpas, signed dpa, business associate agreement
    baa, standard contractual clauses, sccs, zero retention, zero data retention, no retention, no data retention
    not used for training, no training on, never used for training, own tenant, own azure tenant, our tenant
    private tenant, approved by legal, cleared by legal, legal approved, signed off by legal, approved by the dpo
    dpo approved, signed off by the dpo, data-protection officer approved
    """
)

# Words that say a vendor may reuse what it is sent: to train or improve its own models and products.
VENDOR_REUSE = Lexicon(
    phrases(
        "to improve, improve, improves, to train, train, trains",
        "its, their, the vendor's, the provider's",
        "products, product, services, service, models, model",
    )
    + """, may use customer data, may use the data, may use our data, may use submitted data, uses customer data
    may train on, trains on customer data, train on customer data, used for training, used to train
    retains the data, may retain the data, may keep the data
    """
)

# An answer about who acts that puts it off: nobody is named yet.
DEFERRED = Lexicon(
    """
    to be agreed, to be agreed with, tbd with, tbc with, will discuss, to discuss, to be discussed
    pending, ideally, hopefully, not agreed, not yet agreed, yet to be agreed, still to agree
    to be decided, to be decided with, to be confirmed, not decided
    not yet staffed, not staffed yet, no staff yet, to be hired, yet to be hired
    still to be hired, not hired yet, not yet hired, to be recruited, yet to be recruited, not recruited yet
    """,
    # a pending order or claim is the work itself, not a decision put off
    everyday=(
        (
            "pending",
            """order, orders, claim, claims, invoice, invoices, payment, payments, ticket, tickets
            request, requests, transaction, transactions, item, items, alert, alerts, shipment
            shipments, application, applications, queue, queues, backlog""",
        ),
    ),
)

# A reading a sensor takes at the moment of prediction: not a forecast of the weather.
SENSOR = Lexicon(
    """
    sensor, sensors, reading, readings, probe, probes, thermometer, thermocouple, telemetry, gauge
    gauges, measured on the, logged by, scada, plc
    """
)

# Protected characteristics: a model that reads them (or a stand-in) can treat groups differently.
PROTECTED = Lexicon(
    """
    country of birth, born abroad, place of birth, birthplace, nationality, nationalities, citizenship
    ethnicity, ethnic, ethnic origin, race, racial, religion, religious, faith
    disability, disabilities, pregnancy, pregnant, maternity
    marital status, sexual orientation, sexuality, caste, skin colour, skin color, immigration status
    """,
    # race as a contest (a horse's best race, race results), not people's race
    unless="""
    race condition, race conditions, best race, a race, the race, each race, every race, per race, races won
    race wins, race record, race records, race result, race results, race day, race days, race meeting
    race meetings, race time, race times, race distance, horse race, horse races, horse racing, boat race
    car race, foot race, race card, race cards, race entry, race entries, graded race, stakes race
    maiden race, won a race, handling race, handling races, weigh race, weigh races, weighing race
    drafting race, loading race, trough race, race to the trough
    """,
    # a race on a farm: the narrow passage livestock walk through to be weighed, drafted or watered
    everyday=(
        (
            "race, races",
            """sheep, lamb, lambs, ewe, ewes, ram, rams, cattle, cow, cows, calf, calves, heifer, heifers
            steer, steers, bull, bulls, livestock, flock, flocks, herd, herds, trough, troughs, crush, crushes
            pen, pens, yard, yards, weigh crate, drafting, ear-tag, ear tag, eid""",
        ),
    ),
)

# A stand-in for a protected characteristic where the rows are people.
PROXY_OF_PROTECTED = Lexicon(
    "postcode, postcodes, post code, zip code, zip codes, zipcode, first name, first names"
    ", surname, surnames, last name, last names, family name, family names, maiden name"
    # privilege and caring read from a record: who referred them, where they studied, gaps in a career
    ", referral, referrals, referred by, employee referral, employee referrals, school attended"
    ", schools attended, university attended, alma mater, private school, professional network"
    ", personal network, connections, unpaid internship, unpaid internships, career gap, career gaps"
    ", career break, career breaks, employment gap, employment gaps, gaps in employment"
    # a language need stands in for ethnicity or national origin
    ", interpreter needed, interpreter need, interpreter needs, interpreter required, interpreter requested"
    ", needs an interpreter, need an interpreter, needed an interpreter, uses an interpreter, interpreter flag"
    ", preferred language, first language, home language, main language, native language, mother tongue"
    ", language spoken, languages spoken, spoken language, english proficiency, limited english"
    ", english as a second language, non-english speaking, non-native speaker, non-native speakers",
    # the postcode of a place or an asset is no person's
    unless="""site postcode, site postcodes, store postcode, depot postcode, branch postcode
    postcode of the site, postcode of each site, postcode of the store, postcode of each store
    postcode of the depot, postcode of the branch, postcode of the pothole, postcode of the asset
    postcode of each asset, postcode of the fault, postcode of the job""",
)

# Rows repeated per person: the same customer or patient gives many rows over time.
REPEATED = Lexicon(
    """
    history, histories, visits, visit, repeated, repeat, several, multiple, many, over time
    over the years, sessions, transactions, admissions, encounters, journeys, purchases, orders
    timeline, timelines, time series, per month, per week, per day, a month, a week, a day
    """
)

# Data gathered over a span of time or in recurring runs: rows ordered in time, so a random split lets the
# model see the future of the cases it is tested on.
OVER_TIME = Lexicon(
    phrases("two, three, four, five, six, seven, eight, nine, ten, twelve, #", "years, seasons")
    + ", "
    + phrases("two, three, four, five, six, eight, nine, twelve, eighteen, #", "months of, weeks of")
    + """, weekly, monthly, quarterly, nightly, every week, each week, every month, each month, every quarter
    each quarter, every year, each year, pay run, pay runs, payroll run, payroll runs, weekly runs, monthly runs
    daily runs, daily snapshots, weekly snapshots, monthly snapshots, since #, from # to #, between # and #
    """,
    # how often a reference file is fetched, not rows gathered over time
    everyday=(
        (
            """weekly, monthly, quarterly, nightly, every week, each week, every month, each month, every quarter
            each quarter, every year, each year""",
            """download, downloads, downloaded, refresh, refreshes, refreshed, update, updates, updated
            publish, publishes, published, release, releases, released, fetch, fetches, fetched, reload
            reloaded, re-imported, imported""",
        ),
    ),
)

# A split that already tests on later data, said in words: no peeking at the future.
LATER_TEST = Lexicon("""
    out-of-time, out of time, by date, by time, chronological, chronologically, time-based, time based
    most recent, the latest, last year, last month, last months, last quarter, last season, after the cutoff
    after a cutoff, held-out year, held out year, later period, later months, later weeks, later years
    """)

# Rows that come several to an entity: `lines per employee`, `several photos of each object`; the word after
# them names the entity (a group the random split puts on both sides).
ROWS_PER = Lexicon(
    phrases(
        "several, multiple, many", "*", "per, for each, of each, from each, for every, of every, from every"
    )
    + ", "
    + phrases(
        """lines, rows, records, entries, photos, images, pictures, scans, readings,
        shifts, payslips, visits, events, transactions, tickets, calls, messages, invoices, payments, orders,
        sessions, samples, measurements, inspections, reports, frames, clips, jobs, cycles, tests, flights,
        claims""",
        "per, for each, from each, for every, from every",
    )
)

# What follows `per` when it names a stretch of time or a share, not an entity.
PER_UNIT = Lexicon("""
    second, minute, hour, day, night, week, month, quarter, year, season, shift, run, cent, hundred
    thousand, million, cycle, page, line, row, kilometre, km, mile, unit, litre
    """)

# A label text that admits the label is not the truth: errors nobody measured, cases it does not cover, or
# two different things counted as one.
LABEL_DOUBTS = Lexicon(
    """
    mislabelled, mislabeled, misclassified, label noise, noisy labels, noisy label, sometimes wrong
    often wrong, not always correct, not always right, not always accurate, not always recorded
    under-recorded, under-reported, underreported, unreliable, not reliable, are wrong, is wrong
    does not cover, do not cover, doesn't cover, don't cover, not covered, only covers, covers only
    not recorded for, missing for, only some, not every, not all, only the * that, only those, only for
    both * and, both * * and, a mix of, a mixture of, mixes, lumped together
    """
)

# People whose rows repeat only when the answers say so (a customer with many transactions), unlike a
# store or a device whose rows always come many at a time.
PERSONS = Lexicon(
    """
    patient, patients, women, woman, customer, customers, client, clients, user, users
    household, households, driver, drivers, student, students, employee, employees
    """
)

# Quantities a sensor measures at the moment of prediction, when the text says it is a sensor reading.
MEASURED_NOW = Lexicon(
    """
    temperature, temperatures, humidity, irradiance, wind speed, wind speeds, rain, rainfall, precipitation
    """
)


# ---------------------------------------------------------------- which kind of error a metric counts

# A metric that counts the missed cases (false negatives): recall and its names.
COUNTS_MISSES = Lexicon("""
    recall, recalls, sensitivity, true positive rate, tpr, detection rate, catch rate, capture rate, caught
    miss rate, misses, missed, false negative, false negatives, false negative rate, fnr
    false reject, false rejects, false rejection, false rejections, false reject rate, false rejection rate, frr
    false non-match, false non-matches, false non-match rate, fnmr
""")

# A metric that counts the false alarms (false positives): precision and its names.
# Precision by its name: the share of flagged cases that are right.
PRECISION_NAMED = Lexicon("precision, positive predictive value, ppv")
COUNTS_FALSE_ALARMS = Lexicon(
    """
    precision, ppv, positive predictive value, specificity, true negative rate, tnr
    false positive, false positives, false positive rate, fpr, false discovery rate, fdr
    false alarm, false alarms, false alarm rate, false accept, false accepts, false acceptance
    false acceptances, false accept rate, false acceptance rate, false match, false matches
    false match rate, fmr, false wake, false wakes, false wake-ups, false detection, false detections
    false flag, false flags, false hit, false hits
""",
    unless="average precision, mean average precision",
)

# A metric that counts the largest errors, or the costly direction, not only their average.
COUNTS_TAIL = Lexicon("""
    max error, maximum error, largest error, largest errors, worst error, worst errors, worst-case
    worst case, p90, p95, p99, 90th percentile, 95th percentile, 99th percentile, percentile, percentiles
    quantile, quantiles, quantile loss, pinball, pinball loss, tail, tails
    peak, peaks, peak hours, peak days, holiday, holidays, extreme, extremes
    under-forecast, under-forecasts, underforecast, underforecasts, under-prediction, under-predictions
    over-forecast, over-forecasts, overforecast, overforecasts, over-prediction, over-predictions
    stockout, stockouts, stock-out, stock-outs, out-of-stock, out of stock, service level
""")

# A metric that weighs every error by what it costs: it counts the worst error with its weight.
COST_WEIGHTED = Lexicon("""
    cost-weighted, cost weighted, expected cost, weighted cost, misclassification cost, misclassification costs
    cost of errors, error cost, error costs, cost-sensitive
""")

# A metric that blends missed cases and false alarms into one figure: it counts neither on its own.
BLENDS_ERRORS = Lexicon(
    """
    accuracy, balanced accuracy, error rate, misclassification, misclassifications, misclassification rate
    f1, f1-score, f1 score, f-score, f-measure, f2, f-beta, fbeta
    auc, roc-auc, roc auc, auroc, auc-roc, pr-auc, auprc, average precision, mean average precision
    area under the curve, mcc, matthews correlation, kappa, log loss, logloss, cross-entropy, brier
    iou, mean iou, miou, dice
    map, map #, map50, map75, map50-95
""",
    unless="heat map, heat maps, site map, road map, risk map",
)

# A metric that counts only the errors the people affected report (complaints, disputes, appeals): most
# go unreported, so it undercounts the harm and counts no kind of error on its own.
REPORTED_ERRORS = Lexicon("""
    complaint, complaints, complaint rate, complaints rate, complaints per, customer complaints
    dispute, disputes, dispute rate, disputed, chargeback, chargebacks, chargeback rate
    appeal, appeals, appeal rate, appealed, appeals upheld, upheld appeals, successful appeals
    contested, contest rate, challenge rate, reported errors, errors reported, user reports, reports from users
    report-a-problem, report a problem, problem reports, flagged by users, user flags
""")

# A metric that averages the errors: the largest single error hides in it.
AVERAGES_ERRORS = Lexicon("""
    mae, mse, rmse, rmsle, mape, smape, wape, wmape, mase
    mean absolute error, mean squared error, root mean squared error, root mean square error
    mean absolute percentage error, mean error, average error, mean absolute deviation, r-squared
""")

# A metric of the order of a list: it counts neither missed cases nor false alarms.
COUNTS_ORDER = Lexicon("""
    ndcg, mrr, mean reciprocal rank, reciprocal rank, kendall, spearman, rank correlation
""")

# The worst error described as a missed case...
MISS_SAID = Lexicon("""
    missed, miss, misses, missing a, overlooked, undetected, goes undetected, go undetected
    unnoticed, goes unnoticed, not detected, not caught, not flagged, never flagged, not found
    slips through, slip through, slipped through, let through, lets through
    false negative, false negatives, false reject, false rejects, false rejection, false rejections
    untreated, left untreated, undiagnosed, late diagnosis, delayed diagnosis
    not visited, never visited, not seen in time, not reached in time, not picked up, not spotted
    not escalated, never escalated, not followed up, never followed up, not acted on, never acted on
""")

# A done metric that counts what errors cost in other units (idle hours, overtime, money): the harm of
# a minor error is counted there, whichever way the error goes.
COUNTS_COST = Lexicon("""
    cost, costs, costed, spend, money, eur, usd, gbp, idle, idle time, idle hours, overtime, downtime
    waste, wasted, wastage, write-off, write-offs, markdown, markdowns, lost time, time lost, hours lost
    minutes lost, staff time, staff hours, labour hours, labor hours, person-hours, man-hours
""")

# ...or as a false alarm: a case flagged, blocked or treated that did not need it.
FALSE_ALARM_SAID = Lexicon("""
    false positive, false positives, false alarm, false alarms, false accept, false accepts
    false acceptance, false match, false matches, false wake, false wakes, false detection
    false detections, false flag, false flags, false box, false boxes, false hit, false hits
    false accusation, false accusations
    wrongly flagged, wrongly blocked, wrongly declined, wrongly rejected, wrongly held, wrongly removed
    wrongly suspended, wrongly accused, wrongly denied, wrongly stopped, wrongly charged, wrongly treated
    flagged in error, blocked in error, flagged by mistake, blocked by mistake
    unneeded, unnecessary, unnecessarily, needless, needlessly
    innocent, legitimate customer, legitimate customers, genuine customer, genuine customers
    legitimate user, legitimate users, legitimate transaction, legitimate transactions
""")

# ...or as one large error of a number (a peak, a stock-out), which an average hides.
TAIL_SAID = Lexicon("""
    peak, peaks, peak day, peak days, peak hours, spike, spikes, extreme, extremes
    heat wave, heat waves, heatwave, heatwaves, cold snap, cold snaps, holiday, holidays
    stockout, stockouts, stock-out, stock-outs, shortage, shortages, blackout, blackouts
    outage, outages, largest, biggest, worst day, worst days, rare event, rare events
    a single, one large, one big
""")


# ---------------------------------------------------------------- the data in hand against what the product will see

# Groups of one dimension a population or a period is cut by: data of one group, a product for another.
_LANGUAGE_NAMES = """english german french spanish italian portuguese dutch polish swedish danish norwegian
    finnish czech greek turkish arabic hebrew hindi urdu bengali chinese mandarin cantonese japanese korean
    russian ukrainian romanian hungarian vietnamese thai indonesian malay tagalog swahili"""
LANGUAGES = {name: Lexicon(name) for name in _LANGUAGE_NAMES.split()}
ALL_LANGUAGES = Lexicon(
    "multilingual, multi-lingual, every language, all languages, any language, # languages, other languages"
)
AGE_GROUPS = {
    "adults": Lexicon("adult, adults, grown-ups, adult patients"),
    "children": Lexicon("""
        child, children, paediatric, pediatric, kids, infants, infant, newborns, newborn, neonates
        neonatal, adolescents, adolescent, teenagers, teens, minors, pupils
    """),
    "older people": Lexicon("elderly, older adults, seniors, over-65s, geriatric, care home residents"),
}
ALL_AGES = Lexicon("all ages, every age, any age, people of all ages, patients of all ages")
SETTINGS = {"urban": Lexicon("urban, inner-city, inner city"), "rural": Lexicon("rural, countryside")}
CUSTOMER_KINDS = {
    "consumers": Lexicon("consumer, consumers, private customers, retail customers, individual customers"),
    "businesses": Lexicon("""
        business customers, businesses, corporate customers, corporates, b2b, sme, smes
        enterprise customers, commercial customers
    """),
}
CARE_SETTINGS = {
    "inpatients": Lexicon("inpatient, inpatients, in-patient, in-patients"),
    "outpatients": Lexicon("outpatient, outpatients, out-patient, out-patients"),
}
SEASONS = {
    "summer": Lexicon("summer, summers, summertime, summer months"),
    "winter": Lexicon("winter, winters, wintertime, winter months"),
    "autumn": Lexicon("autumn, autumn months"),
    "dry season": Lexicon("dry season, dry seasons"),
    "wet season": Lexicon("wet season, wet seasons, rainy season, rainy seasons, monsoon, monsoons"),
    "spring": Lexicon("springtime, spring months, in spring, in the spring, spring of, spring season"),
    "holidays": Lexicon("""
        christmas, christmastime, holiday season, holiday seasons, the holidays, festive season
        festive period, black friday, cyber monday, new year's eve
    """),
    "peak season": Lexicon("peak season, peak seasons, high season, busy season, tourist season"),
    "off season": Lexicon("off season, off-season, low season, quiet season"),
}
# The data in hand spans a short stretch, or one past season: it may miss the period the product runs in.
SHORT_HISTORY = Lexicon("""
    a few months, a few weeks, one month, two months, three months, four months, five months, six months
    1 month, 2 months, 3 months, 4 months, 5 months, 6 months, a month's, three months', six weeks
    eight weeks, ten weeks, twelve weeks, 6 weeks, 8 weeks, 10 weeks, 12 weeks
    one season, a single season, last season, last season's, previous season, the past season
""")
# The product runs in a season still to come.
NEW_SEASON = Lexicon("new season, next season, coming season, upcoming season, the new season's")
ALL_YEAR = Lexicon("""
    year-round, year round, all year, all year round, all-year, all seasons, every season, any season
    throughout the year, whole year, the whole year, every month, all twelve months, 12 months a year
""")
TIMES_OF_DAY = {
    "daylight": Lexicon("daylight, daytime, day-time, by day, in daylight, day shift, day shifts"),
    "night": Lexicon("night, nights, at night, night-time, nighttime, night shift, night shifts, after dark"),
}
ALL_DAY = Lexicon("24/7, around the clock, round the clock, day and night, night and day, all day and night")
DAYS_OF_WEEK = {
    "weekdays": Lexicon(
        "weekday, weekdays, business days, working days, monday to friday, mondays to fridays"
    ),
    "weekends": Lexicon(
        "weekend, weekends, saturday, saturdays, sunday, sundays, bank holidays, public holidays"
    ),
}
ALL_WEEK = Lexicon("7 days a week, seven days a week, every day, all week, every day of the week")

# Physical units and places the data may come from a few of, and a product may serve many of.
UNITS = {
    forms.split(",")[0].strip(): forms
    for forms in (
        "unit, units",
        "machine, machines",
        "vehicle, vehicles",
        "truck, trucks",
        "lorry, lorries",
        "bus, buses",
        "train, trains",
        "locomotive, locomotives",
        "car, cars",
        "turbine, turbines",
        "pump, pumps",
        "compressor, compressors",
        "engine, engines",
        "meter, meters",
        "sensor, sensors",
        "device, devices",
        "robot, robots",
        "drone, drones",
        "elevator, elevators",
        "escalator, escalators",
        "printer, printers",
        "aircraft",
        "ship, ships",
        "vessel, vessels",
        "store, stores",
        "site, sites",
        "branch, branches",
        "plant, plants",
        "warehouse, warehouses",
        "hospital, hospitals",
        "clinic, clinics",
        "school, schools",
        "farm, farms",
        "camera, cameras",
        "scanner, scanners",
        "kiosk, kiosks",
        "terminal, terminals",
        "substation, substations",
        "region, regions",
        "country, countries",
        "city, cities",
        "market, markets",
        "district, districts",
        "county, counties",
        "province, provinces",
        "language, languages",
    )
}
_UNIT_FORMS = ", ".join(UNITS.values())

# A count of units: `12 turbines`, `40 instrumented trucks` (the number is compared per unit).
UNIT_COUNT = Lexicon(phrases("#", ", instrumented, pilot, test, prototype, trial, selected", _UNIT_FORMS))

# A few units, in words: the data comes from a handful of them.
FEW_UNITS = Lexicon(
    phrases(
        "one, a single, two, three, a few, a handful of, selected",
        ", instrumented, pilot, test, prototype, trial",
        _UNIT_FORMS,
    )
    + ", "
    + phrases("instrumented, prototype", _UNIT_FORMS)
)

# Many units, in words: a fleet, every unit.
MANY_UNITS = Lexicon(
    "fleet, whole fleet, entire fleet, across the fleet, fleet-wide, fleetwide, "
    + phrases("all, every, all our, all of our, all the, across all, across our, our entire", _UNIT_FORMS)
)

_DEVICES = """device, devices, unit, units, sensor, sensors, scanner, scanners, camera, cameras, meter,
    meters, phone, phones, handset, handsets, hardware, firmware, machine, machines, vehicle, vehicles,
    headset, headsets, controller, controllers, chip, chips, generation, version, versions"""

# An older device generation than the one the product will run on...
OLD_DEVICES = Lexicon(
    phrases(
        "old, older, oldest, legacy, previous, earlier, prior, discontinued, previous-generation, "
        "older-generation, last-generation, first-generation, earlier-generation",
        _DEVICES,
    )
)

# ...and the new one.
NEW_DEVICES = Lexicon(
    phrases(
        "new, newer, newest, latest, upcoming, next-generation, new-generation, upgraded, redesigned",
        _DEVICES,
    )
    + ", next generation"
)

_KIT_AND_PLACES = (
    _DEVICES
    + """, scope, scopes, model, models, site, sites, store, stores, region, regions, country, countries,
    hospital, hospitals, clinic, clinics, plant, plants, factory, factories, line, lines, market, markets,
    branch, branches, warehouse, warehouses, ward, wards, city, cities, fleet, fleets, supplier, suppliers,
    detector, detectors, recorder, recorders, logger, loggers, probe, probes, tablet, tablets, terminal,
    terminals, reader, readers, instrument, instruments, analyser, analysers, analyzer, analyzers, rig, rigs,
    gauge, gauges, drone, drones, satellite, satellites, microphone, microphones, lens, lenses"""
).replace("\n", " ")

# What a note on the data says differs from production (another generation, a swap, other sites, one
# site only): read where the team also answered that nothing differs.
NOTE_DIFFERS = Lexicon(
    phrases(
        "old, older, legacy, previous, earlier, new, newer, latest, other, another, different, second",
        ", *, * *",
        _KIT_AND_PLACES,
    )
    + """, replaced, replaces, will replace, replacing, replacement, switched, switching, switch to, swapped, upgraded, upgrading
    migrated, migrating, moving to, will move to, rolled out, rolling out, rolls out, roll out, retrofitted
    instead of, whereas
    unlike, versus, vs, differs, differ, different, differently, only from, only at, only in, only on
    a single site, one site, pilot site, pilot sites, main site, main hospital, head office, in the lab"""
    # how the data is captured: another operator, light or protocol than production's
    + ", "
    + phrases(
        "other, another, different, differing, changed, varying, changing, new",
        """operator, operators, technician, technicians, crew, crews, lighting, light, light levels, irradiance
        protocol, protocols, procedure, procedures, sampling procedure, sampling protocol, capture protocol
        stain, staining, exposure, exposures, camera settings""".replace("\n", ","),
    ),
    unless="""no different, not different, nothing different, does not differ, do not differ, doesn't differ
    don't differ, did not differ, no other, not another, no older, no newer, no new, nothing differs
    none differ, none differs, not replaced, none replaced, nothing replaced, nothing was replaced
    not new or different, is new or different""",
)

# A change still to come that the data in hand predates: a new product series or model range, a regime
# change, next year's material, a system migration. Read in the notes, hard cases and FAQ answers.
COMING_CHANGE = Lexicon(
    """
    new product series, new product range, new product line, new model range, new model series, new series
    new range, new generation, next generation, next-generation, new models, new model year
    next year's, next season's, from next year, from next season, from next month, from next quarter
    launching next, launches next, launched next, to be launched, will be launched, being launched
    regime change, change of regime, new regime, new tariff, new regulation, new regulations, new rules
    new material, new materials, new formulation, new recipe, new grade, new alloy, new mix, new feedstock
    system migration, platform migration, data migration, migration to, migrating to, will migrate
    to be migrated, being migrated, will be migrated, to a new system, onto a new system, to the new system
    to a new platform, onto a new platform, the new system goes live, will be replaced
    is being replaced, are being replaced, being phased out, to be phased out, will switch to
    will change to, will move to, switches to, goes live on, cut over, cutover, cut-over
    growing share, rising share, shrinking share, changing mix, shifting mix, mix is changing, mix is shifting
    """,
    unless="no new models, no new material",
)
# A change in the mix of what the product meets, said in one sentence: `the share of policies for exotic
# pets is growing, from 5% to 20%`.
MIX_OF = Lexicon("share of, proportion of, mix of, product mix, customer mix, sales mix")
MIX_MOVES = Lexicon(
    phrases(
        "is, are, has been, have been",
        "growing, rising, falling, shrinking, climbing, doubling, shifting, changing fast",
    )
    + ", "
    + phrases("will, is expected to, are expected to", "grow, rise, fall, shrink, double, triple")
    + ", has grown, have grown, has risen, have risen, has doubled, have doubled, has tripled, grew from, rose from"
    + ", fell from, grows, rises"
)
# The data covers one place or one short stretch only: one site, one fortnight, one season.
ONE_STRETCH_ONLY = Lexicon(
    """
    one site only, only one site, a single site, only at one site, only from one site, single site only
    one plant only, only one plant, a single plant, one store only, only one store, a single store
    one hospital only, only one hospital, a single hospital, one region only, only one region
    one fortnight, a single fortnight, only a fortnight, only two weeks, two weeks only, one week only
    only one week, a single week, only a week, one month only, only one month, a single month
    one season only, only one season, a single season, one winter only, only one winter, a single winter
    one summer only, only one summer, a single summer, one year only, only one year, a single year
    covers only, only covers, only cover
    """
)

# Words that say the team checked that a named difference does not matter.
CHECKED_ALIKE = Lexicon(
    """checked, verified, validated, compared, identical, indistinguishable, same distribution
    no measurable difference, tested on both, recalibrated
    data is the same, data are the same, data is unchanged, data are unchanged, is the same data
    are the same data, data stay the same, data stays the same"""
)

# An earlier stage that chooses what the model sees: retrieval, a search, candidate generation, a pre-filter.
RETRIEVED = Lexicon(
    """
    retrieved, retrieval, retrieves, search results, search engine, search index, top # results
    top # candidates, top # hits, top-k, top k, candidate generation, candidate pairs, candidate matches
    pre-filter, pre-filtered, prefilter, prefiltered, filtered out by, first-stage, first stage, two-stage
    earlier stage, upstream filter, upstream model, blocking step, blocking rules, blocked pairs
    returned by the search, found by the search, pulled by the search, nearest neighbours, nearest neighbors
    vector search, similarity search, keyword search
    """
)

# Data that arrives in batches, or as averages: not what a live decision reads.
BATCH_ARRIVAL = Lexicon("""
    in batches, uploaded in batches, batch upload, batch uploads, batched, every # hours, every # minutes
    uploaded every, synced every, synchronised every, synchronized every, once a day, once a week
    nightly, nightly upload, nightly uploads, daily upload, daily uploads, hourly upload, hourly uploads
    hourly averages, daily averages, # averages, hourly aggregates, daily aggregates, daily totals
    end-of-day, end of day
""")

# A decision taken live, as the reading or the request comes in.
LIVE_DECISION = Lexicon("""
    real time, real-time, in real time, realtime, instantly, streaming, live stream, live streams
    live feed, live feeds, live data, live readings, live video, live audio, live decision, live decisions
    as it happens, within seconds, within # seconds, within a second, within # ms, within # milliseconds
    during the call, while the customer waits, on the fly, second by second, continuously
""")

# ---------------------------------------------------------------- when and where the people who act are

# Staffed only part of the week: office hours (about 40 of the week's 168 hours)...
OFFICE_HOURS = Lexicon("""
    office hours, business hours, working hours, opening hours, normal hours, regular hours
    9-5, 9 to 5, nine to five, 9am-5pm, 9am to 5pm, 9 am to 5 pm, 8-4, 8 to 4, 8am-4pm, 8am to 4pm
    8-5, 8 to 5, 8am-5pm, 8am to 5pm, 9-6, 9 to 6, 9am-6pm, 9am to 6pm, 8-6, 8 to 6, 8am-6pm, 8am to 6pm
""")

# ...on weekdays only (at most 120 of the week's 168 hours)...
WEEKDAYS_ONLY = Lexicon(
    """
    weekdays, on weekdays, weekdays only, working days, business days, monday to friday, mon-fri
    monday-friday, mon to fri, monday through friday, not at weekends, not on weekends, no weekend
    no weekends
    """,
    # a length of time counted in working days (`a reply within three working days`): how long, not when
    unless=phrases(
        "#, one, two, three, four, five, six, seven, eight, nine, ten, a few, few, several",
        "working days, business days, weekdays",
    ),
)

# ...or in the daytime only.
DAYTIME_ONLY = Lexicon("""
    day shift, day shifts, daytime only, during the day, days only, no night shift, no night shifts
    not at night, nobody at night, no one at night, unstaffed at night, not staffed at night
""")

# Staffed around the clock, or with someone on call outside hours: the flags of the night are seen.
STAFFED_ALWAYS = Lexicon(
    """
    24/7, 24 hours a day, around the clock, round the clock, round-the-clock, around-the-clock
    on call, on-call, night shift, night shifts
    night staff, night team, night duty, every shift, three shifts, weekend shift, weekend shifts
    weekend cover, weekend staff, weekend team
""",
    unless="no night shift, no night shifts, no night staff, no night team, no weekend cover, no weekend staff",
)

# Predictions pushed to people as they happen: an alert waits for someone to be there.
ALERTS = Lexicon("""
    alert, alerts, alerted, alerting, alarm, alarms, pager, pagers, paged, push notification
    push notifications, text message, text messages, sms
""")

# Today's decision is taken by a system, with no person in between.
SYSTEM_DECIDES = Lexicon("""
    automatically, automatic, auto-approves, auto-approved, auto-approve, auto-assigns, auto-assigned
    auto-routes, auto-routed, auto-routing, auto-rejects, auto-rejected, rules engine, rule engine
    rules-engine, decision engine, workflow engine, without a person, without human review
    no human review, straight-through, straight through processing
""")

# Today's output is set by a rule or a formula with nobody checking each one: a model acting alone in its
# place takes no person's check away.
SET_BY_RULE_TODAY = SYSTEM_DECIDES + Lexicon(
    """set by a rule, set by rules, set by a formula, set by a fixed rule, a fixed rule sets, the rule sets
    a rule sets, a formula sets, the formula sets, rule-based, rules-based, computed by a rule
    computed by a formula, a fixed rule, a flat rule, fixed lookup table, lookup table sets"""
)

# A plan that learns and tests only on cases whose outcome has had time to arrive.
MATURED = Lexicon("""
    matured, mature labels, once matured, once mature, only matured, fully matured, labels have matured
    window has closed, windows have closed, window closed, once the window closes, whose window has passed
    once the outcome is known, whose outcome is known, outcomes are known, only complete outcomes
    only closed cases, closed cases only, only cases old enough, cases old enough, older than the window
""")

# A new place to look at the predictions: a screen nobody has in their day yet.
NEW_VIEW = Lexicon("""
    dashboard, dashboards, new screen, new screens, new view, new report, new reports, web page
    heatmap, heatmaps, heat map, heat maps, map view
""")

# The tool people already work in, where a prediction is seen without opening anything new.
WORK_TOOLS = Lexicon("""
    ehr, ehrs, emr, emrs, cmms, electronic health record, electronic health records, electronic patient record
    patient record system, erp, crm, ticketing system, ticket system, ticketing tool, helpdesk, help desk
    service desk, work queue, work queues, worklist, worklists, case management system, case system
    inbox, inboxes, pacs, lims, point of sale, point-of-sale, warehouse management system
    dispatch system, booking system, reservation system, order system, ordering system, their queue
    zendesk, salesforce, servicenow, jira
""")

# Another organisation or party that takes the decision the prediction is for: its yes is not the team's.
OTHER_PARTY = Lexicon("""
    landlord, landlords, regulator, regulators, insurer, insurers, government agency
    supplier, suppliers, contractor, contractors, subcontractor, subcontractors, third party, third-party
    partner organisation, partner organisations, another department, other department, another team
    property owner, property owners, site owner, site owners, network operator, grid operator
    franchisee, franchisees, dealer, dealers
""")

# ...who has already agreed to act on the predictions.
PARTY_AGREED = Lexicon("""
    has agreed, have agreed, agreed to, signed up, signed on, committed to, under contract, by contract
    contract requires, contractually, already uses, already use, already act, already acts
""")

# Words that say the terms of another party's yes already exist: a standing agreement, a known price,
# or the party's agreement itself.
TERMS_SETTLED = (
    Lexicon("""
    agreed with, are agreed, is agreed, were agreed, paid as overtime, paid at overtime rates, overtime rates
    under the agreement, per the agreement, as per the agreement, under the contract, standing agreement
    framework agreement, collective agreement, as agreed, pre-agreed, pre-approved
""")
    + PARTY_AGREED
)


# Words that say an input is written or declared by the party the decision is about, who gains from it.
SUPPLIED_BY_GAINERS = Lexicon("""
    self-reported, self reported, self-declared, self declared, declared by the, as declared
    submitted by the applicant, submitted by applicants, the applicant's, applicants' own
    filled in by the customer, filled in by customers, customer-entered, entered by the customer
    user-submitted, submitted by users, submitted by sellers, the seller's own, sellers' own
    the claimant's, claimants' own, the bidder's, bidders' own, supplier-declared, declared by suppliers
    the dealer's own, dealers' own, the agent's own, provided by the applicant, provided by applicants
    given by the salesperson, entered by the salesperson, graded by the salesperson, the salesperson's
    entered by the sales rep, the sales rep's, entered by the broker, the broker's own, entered by the seller
    graded by the seller, graded by the dealer, entered by the dealer, assessed by the seller
    the customer's own, customers' own, uploaded by the customer, uploaded by customers, filmed by the customer
    filmed by customers, photographed by the customer, photographed by customers, taken by the customer
    taken by customers, sent in by the customer, sent in by customers, the applicant's own, the owner's own
""")


# Words that say the system itself commits money or the organisation: it pays, refunds, sends or books;
# `posts` only as a verb with its object (`posts the notice`): `first-aid posts at the gate` are places.
COMMITS = Lexicon(
    """
    pays, pay out, pays out, paid out, payout, payouts, refunds, refunded, credits the, credited to
    approves, approved automatically, auto-approves, auto-approved, issues refunds, issues the
    sends the reply, sends replies, sends the message, sends messages, sends the letter, sends letters
    sends the e-mail, sends the email, sends the notice, sends notices, sends the offer, sends offers
    sent automatically, sends automatically, e-mails the, emails the, publishes, published automatically
    posts the, posts it, posts them, posts each, posts every, posts its, posts a, posts an, posted automatically
    books, booked automatically, places the order, places orders, reorders
    purchases, transfers, releases the payment, releases payments, grants, granted automatically
""",
    # a person booking their own leave commits nobody's money
    unless="""books leave, books their leave, books annual leave, books holiday, books holidays, books a holiday
    books time off, books a day off, books days off, books study leave, books parental leave""",
    # posts that are places people staff (`the first-aid posts the medics run`), not something published
    everyday=(
        (
            "posts the, posts it, posts them, posts each, posts every, posts its, posts a, posts an",
            """first-aid, aid, medical, medic, medics, paramedic, paramedics, marshal, marshals, checkpoint
            checkpoints, sentry, sentries, lookout, lookouts, border, guard post, guard posts""",
        ),
    ),
)


# Words that say an action the model takes alone is bounded: a cap per action or per day, a person above it.
LIMITS_SAID = Lexicon("""
    capped at, cap of, a cap, caps each, per-day cap, daily cap, daily limit, daily limits, limit per
    limit of, limits per, ceiling of, a ceiling, maximum of, approval above, approved above, above which
    spending limit, refund limit, credit limit per, per-customer limit, kill switch, can be reversed
    reversible, reversal, reversals, clawback, claw back, up to the weekly volume, up to the daily volume
    sets the weekly volume, sets the daily volume, sets the weekly send volume, sets the send volume
    weekly send volume, daily send volume, within the budget, within the weekly budget, within the daily budget
    volume cap, send cap, budget cap
""")


# Words that say a done metric counts an outcome someone checked, not what the product logged itself.
CHECKED_OUTCOME = Lexicon("""
    blind, blind-graded, graded blind, blind grading, graded sample, audited sample, audit sample
    repeat contact, repeat contacts, repeat call, repeat calls, recontact, re-contact, callbacks within
    complaints, complaint rate, reopened, re-opened, reversal, reversals, reversed, corrections made
    overturned, appeals upheld
""")


# ---------------------------------------------------------------- what the model will not see

# A decision that does something to a flagged case that can change what happens to it: contact, help,
# offer, repair. Holding or blocking it (decision-hides-outcome) and choosing it (model-selects-cases)
# are read elsewhere.
INTERVENES = Lexicon(
    """
    contact, contacts, contacted, call, calls, called, phone, phones, phoned, ring, rings
    reach out, reaches out, reached out, outreach
    offer, offers, offered, propose, proposes
    visit, visits, visited, home visit, home visits
    support, supports, supported, help, helps, helped, assist, assists
    coach, coaches, coaching, mentor, mentors, mentoring, tutor, tutors, tutoring
    remind, reminds, reminder, reminders, nudge, nudges
    intervene, intervenes, intervention, interventions
    treat, treats, treatment, treatments
    service, services, serviced, servicing, repair, repairs, repaired, maintain, maintains, maintenance
    replace, replaces, overhaul, overhauls
    discount, discounts, incentive, incentives, payment plan, payment plans, retention offer, retention offers
    advise, advises, counsel, counsels, counselling, counseling
    follow up, follows up, follow-up, check in, checks in, check-in
    """,
    unless="""calls it, calls them, calls this, calls that, api call, api calls, function call, function calls
    model call, model calls, help desk, helpdesk, decision support, support team, support tickets,
    support ticket, customer support, customer service, service desk, service centre, service center
    the service, service level, service levels, service window, service windows, service interval
    service intervals, called in, call in, calls in, called up, on call, on-call, call-in, call-ins""",
)

# An aim at some event: fewer of it, prevented, or the cases likely to have it.
PREVENTS = Lexicon(
    """
    prevent, prevents, preventing, prevention, avoid, avoids, avoiding, avert, averts
    reduce, reduces, reducing, reduction, cut, cuts, fewer, less, lower
    before they, before it, before the
    keep, keeps, retain, retains, save, saves
    likely to, at risk of, risk of, predicted to, expected to, about to
    """
)

# Words that say some flagged cases are left to today's process on purpose: a control group.
UNTREATED = AT_RANDOM + Lexicon(
    """
    control group, control groups, untreated, left untreated, holdout group, hold-out group
    held-out group, not contacted, randomised, randomized
    """
)

# Sources people decide from today, by kind, and the words that say the model's inputs include that kind.
_TODAY = {
    "conversations": (
        """phone call, phone calls, calls the, call the, phones the, phone the, rings the, ring the
        talk to, talks to, talking to, speak to, speaks to, speak with, speaks with, interview, interviews
        interviewed, conversation, conversations, ask a colleague, asks a colleague, ask colleagues
        asks colleagues""",
        "call, calls, call notes, call transcripts, transcript, transcripts, conversation, conversations, "
        "interview, interviews, recording, recordings, audio",
    ),
    "visits": (
        """site visit, site visits, home visit, home visits, visit the, visits the, visiting the
        go and look, goes to see, goes to look""",
        "visit, visits, visit report, visit reports, inspection report, inspection reports, photo, photos, "
        "image, images, camera, cameras, video, videos, footage",
    ),
    "paper": (
        """paper file, paper files, paper records, paper record, paper form, paper forms, paper notes
        handwritten, hand-written, handwriting, printed file, printed files""",
        "paper, scan, scans, scanned, handwritten, hand-written, handwriting, ocr",
    ),
    "attachments": (
        "attachment, attachments, enclosure, enclosures, appendix, appendices, photos sent",
        "attachment, attachments, enclosure, enclosures, appendix, appendices, photo, photos, image, images",
    ),
    # documents kept outside the system the model reads: an index or corpus that lacks a kind of them
    "emails": (
        """email thread, email threads, e-mail thread, e-mail threads, old emails, past emails, their inbox
        shared mailbox, shared mailboxes""",
        "email, emails, e-mail, e-mails, inbox, mailbox, mailboxes",
    ),
    "shared drives": (
        "shared drive, shared drives, network drive, network drives, sharepoint, shared folder, shared folders",
        "shared drive, shared drives, network drive, network drives, sharepoint, shared folder, shared folders",
    ),
}
# Software calling software, a visit to a website, rules written by hand, and a customer calling in to
# report are no source a person decides from.
_NOT_A_SOURCE = (
    "calls the api, call the api, calls the model, call the model, calls the service, call the service, "
    + phrases("visit the, visits the, visiting the", ", *", "website, page, app, portal")
    + ", "
    + phrases("handwritten, hand-written", "rule, rules, code, query, queries, script, scripts, heuristics")
    + ", "
    + phrases(
        "call the, calls the", "landlord, helpline, hotline, office, call centre, call center, help desk"
    )
)
TODAY_SOURCES = {kind: Lexicon(said, unless=_NOT_A_SOURCE) for kind, (said, _) in _TODAY.items()}
IN_THE_INPUTS = {kind: Lexicon(said) for kind, (_, said) in _TODAY.items()}

# Inputs that reach the model through a conversion that drops part of what people read: handwriting,
# stamps and tables of a scanned document.
LOSSY = Lexicon(
    """
    scanned, scans, handwritten, hand-written, handwriting, faxed, faxes, fax, photocopies, photocopied
    ocr, ocr text, ocr'd, extracted text, text extraction, pdf text
    """
)

# Pictures of a place taken on a schedule of their own, often months before the case is decided.
IMAGERY = Lexicon(
    """
    satellite image, satellite images, satellite imagery, satellite photo, satellite photos
    aerial photo, aerial photos, aerial photograph, aerial photographs, aerial imagery, aerial images
    street view, street-level imagery, street-level images, street-level photos, orthophoto, orthophotos
    archive photos, archived photos, archive images, archived images
    """
)

# Words that say people do a task as a routine part of their job: `every day`, `each term`, `daily`.
ROUTINE = Lexicon("""
    every day, each day, daily, every morning, each morning, every evening, every shift, each shift
    every week, each week, weekly, every month, each month, monthly, every term, each term, every semester
    each semester, every quarter, each quarter, every year, each year, as part of their job, day to day
    day-to-day, all day, their daily work, their daily job, routinely
""")

# Words that say how fresh the pictures are when the case is decided.
DATED = Lexicon(
    """
    same day, same-day, on the day, that day, daily, each day, every day, weekly, each week, every week
    within a week, within # days, within # hours, real-time, real time, up to date, up-to-date
    capture date, capture dates, acquisition date, acquisition dates, date taken, dates taken, taken on
    taken within, at the time of, latest, most recent, freshest
    """
)

# Words that say a slice is set aside from the model (switched off for it, people keep it), or is
# already the first release: `ship that slice first` has nothing to add.
SLICE_SET_ASIDE = Lexicon("""
    switched off, switch off, switches off, turned off, turn off, turns off, model is off, model stays off
    not scored, never scored, not sent to the model, bypass the model, bypasses the model, skip the model
    skips the model, excluded from the model, excluded from scoring, left out of the model
    stays manual, stay manual, remain manual, remains manual, kept manual, stays with people
    stay with people, stays with staff, stay with staff, always handled by, always go to, always goes to
    first release, first model, first phase, phase 1, phase one, we start with, starts with
""")


# A metric only a model has (overlap of boxes or words, agreement with the deciders' own calls): today's
# process has no value on it to record, so its `baseline: none` is no missing yardstick.
MODEL_INTERNAL_METRIC = Lexicon("""
    map, map50, mean average precision, iou, mean iou, miou, intersection over union, dice
    dice score, rouge, rouge-1, rouge-2, rouge-l, rouge-lsum, bleu, bertscore, bert score, meteor, cider
    chrf, perplexity, against the panel, against the panel own decisions, agreement with the panel
    against the reviewers, agreement with the reviewers
""")

# A rate of using the model's own output (drafts accepted, suggestions used): it has no value before launch.
MODEL_USE_METRIC = Lexicon("""
    acceptance rate, accept rate, accepted unedited, accepted as is, accepted as-is, drafts accepted
    drafted replies accepted, suggestions accepted, suggestion acceptance, draft acceptance, used unedited
    used as is, sent unedited, sent as is, adoption rate, uptake of the suggestions, suggestions used
    recommendations accepted, recommendations followed, override rate, overrides of the model
""")


# A done metric counted by people checking a sample of what the product did: an audit ...
AUDIT = Lexicon("""
    audit, audits, audited, auditing, blind audit, blind review, blind reviews, blind-graded, graded blind
    spot check, spot checks, spot-check, spot-checks, spot-checked, reviewed blind, quality review
""")

# ... of its live outputs, not of an offline set: then the launch is judged live.
LIVE_OUTPUTS = Lexicon("""
    live, production, in production, live outputs, live output, live cases, after launch, post-launch
    sent, issued, published, released, each week, every week, weekly, each month, every month, monthly
""")


# What a team tests or audits on ...
TESTED_ON = Lexicon("""
    test set, test sets, test data, evaluation set, evaluation sets, eval set, holdout, audit, audits
    audited, tested on, evaluated on, scored on, validated on, judged on
""")

# ... said in one sentence with cases drawn from production itself: the score is read where the
# product works, whatever the training data's origin.
FROM_PRODUCTION = Lexicon("""
    production cases, production case, production sample, production samples, production traffic
    from production, drawn from production, sampled from production, live cases, live traffic
    real production, current production
""")


# A commodity step a hosted service does before the model (reading the text off a scan, a recording),
# not the model being built: swapping it is cheap, and its output can be checked.
COMMODITY_STEP = Lexicon("""
    ocr, optical character recognition, text extraction, extracts the text, extract the text
    speech-to-text, speech to text, transcription service, document intelligence, form recognizer
    textract, document ai, vision ocr, cloud vision ocr
""")

# A hosted model deployed in the team's own cloud tenant: the team pins the version, the data stays under
# its cloud agreement.
OWN_TENANT = Lexicon("""
    tenant, tenancy, in-tenant, own tenant, own tenancy, our tenant, our tenancy
    our subscription, our cloud subscription, our cloud account, our own cloud, private endpoint, private endpoints
""")

# An agreement already in place for a service: a framework contract, an enterprise licence.
EXISTING_AGREEMENT = AGREED + Lexicon("""
    existing agreement, existing contract, existing licence, existing license, framework agreement
    framework contract, enterprise agreement, enterprise licence, enterprise license, under our contract
    under our agreement, under our licence, under our license, already licensed, already contracted
    already in use, already use, already used
""")


# Words saying a done metric or a monitor counts outputs that hold what they must never hold.
VIOLATIONS_COUNTED = Lexicon("""
    violation, violations, violating, breach, breaches, unsafe, unsafe output, unsafe outputs
    allergen, allergens, leak, leaks, leaked, leakage of, forbidden, prohibited, must not, must never
    disallowed, off-limits, not allowed, policy violations, red line, red lines
""")

# A corpus the model retrieves from that holds many people's or clients' records: past replies, files.
SHARED_CORPUS = Lexicon("""
    past replies, previous replies, past answers, previous answers, past letters, past e-mails, past emails
    email archive, e-mail archive, mail archive, client files, customer files, case files, all clients
    other clients, every client, all customers, similar cases, past cases, previous cases, case history
    knowledge base, shared drive, shared drives, document store, index of, retrieved, retrieval
""")

# Words that say retrieval is limited to what the reader may see: per client, access rules.
SCOPED = Lexicon("""
    per client, per customer, that client's, that customer's, the client's own, the customer's own
    only their own, access control, access controls, access rights, permissions, permission-aware
    filtered by client, filtered by customer, per tenant, tenant-scoped, multi-tenant, tenant isolation
    anonymised, anonymized, redacted
""")


# Words that say a corpus is public: whatever a draft copies from it, anyone may read already.
PUBLIC_CORPUS = Lexicon(
    """
    public record, public records, publicly available, publicly published, public guidance, public document
    public documents, public register, public registers, open register, open registers, open data, hansard
    public domain, official gazette, gazette, parliamentary record, parliamentary records, public website
    published records, published guidance, published answers, published decisions, published rulings
    published judgments, published judgements, published reports, published articles, published papers
    published documents, published standards, published criteria, published rules, published policies
    published terms, published manuals, published specifications, published datasheets
    """,
    unless="not published, never published, unpublished, not yet published, before publication",
)

# Words saying what a draft must never hold is another client's or person's details.
OTHER_CLIENTS = Lexicon("""
    another client, other client, other clients, another customer, other customer, other customers
    another patient, other patients, another person, other people, someone else
    another tenant, other tenants, another account, other accounts, another member, other members
""")

# Evaluation cases written or generated for the test, not met in the product's own work.
SYNTHETIC_CASES = Lexicon("""
    synthetic, synthetically, synthetic questions, synthetic cases, generated questions
    llm-generated, llm generated, gpt-generated, machine-generated, generated by an llm
    generated by gpt, written by an llm, written from the documents, written from the corpus
    generated from the documents, generated from the corpus, questions we wrote, questions the team wrote
    written by the team, made-up, made up questions, invented questions, invented cases
""")

# Words saying real questions or cases are sampled for the evaluation as well (from logs, tickets).
REAL_SAMPLED = Lexicon("""
    real questions, real users' questions, real user questions, real queries, real cases, real tickets
    from the logs, from the search logs, from the chat logs, from the query logs, search logs, query logs
    chat logs, sampled from the logs, sampled from tickets, past tickets, actual questions, live questions
    questions users asked, questions customers asked, questions staff asked
""")

# Words saying a simulator was checked against what really happened, or the decision is judged live.
SIMULATOR_VALIDATED = Lexicon("""
    validated against, calibrated against, checked against real outcomes, against real outcomes
    against held-out outcomes, against actual outcomes, back-tested against, backtested against
    compared with real outcomes, compared with actual outcomes, simulator validated, simulator calibrated
""")

# Words that plainly say someone chose the evaluation's cases, whatever else the plan ticks.
CLEARLY_PICKED = Lexicon("""
    hand-picked, handpicked, hand picked, hand-selected, hand selected, cherry-picked, cherry picked
    curated, curated set, curated sample, we picked, we chose, we selected
""")

# ---------------------------------------------------------------- the metric against the decision it serves

# A done metric read at the depth people reach down a ranked list (beyond AT_A_BUDGET's `top`, `at k`).
AT_DEPTH = AT_A_BUDGET + Lexicon("""
    ndcg #, ndcg at #, ndcg at k, ndcg k, hit rate at #, hit rate at k, hits at #, precision #, recall #
    precision k, recall k, first #
""")

# A threshold or a list said to be sized to what people can handle (`a threshold set to the clinics'
# capacity`): the cut is capacity's already, as the team plans it.
SET_AT_CAPACITY = Lexicon("""
    set to capacity, set to the capacity, set to * capacity, set to the * capacity, set at capacity
    set at the capacity, set at * capacity, set at the * capacity, sized to capacity, sized to the capacity
    sized to * capacity, sized to the * capacity, matched to capacity, matched to the capacity
    matched to * capacity, matched to the * capacity, capped at capacity, capped at the capacity
    capped at * capacity, capped at the * capacity
""")
# A score read at the top people reach, said in any answer (`precision in the top 40 a day`).
AT_THE_DAILY_TOP = Lexicon("""
    top # a day, top # per day, top # each day, top # daily, top # a week, top # per week, top # each week
    top # a month, top # per month, top # a year, top # per year, top # each year
    top # a shift, top # per shift, first # a day, first # per day, precision at k, precision@k
    top-k, top k
""")

# A fit of every value at once: how well the numbers agree overall, blind to the order within a cut.
GLOBAL_FIT = Lexicon("""
    r2, r-squared, r squared, r^2, coefficient of determination, explained variance, variance explained
    pearson, pearson correlation
""")

# A done metric over the whole list or all cases (beyond OVER_ALL_CASES's ranking scores).
WHOLE_LIST = (
    OVER_ALL_CASES
    + GLOBAL_FIT
    + Lexicon("""
    accuracy, f1, f1 score, f1-score, macro f1, micro f1, log loss, log-loss, logloss, cross-entropy
    cross entropy, brier, brier score, mean absolute error, mae, rmse, mean error, average error
""")
)

# A metric that needs no cut-off: it scores the scores, not the decisions taken at a threshold.
THRESHOLD_FREE = Lexicon("""
    auc, roc auc, auroc, roc-auc, roc, pr auc, pr-auc, auprc, area under the curve, area under the roc curve
    gini, c-statistic, concordance, log loss, log-loss, logloss, cross-entropy, cross entropy, brier
    brier score, average precision
""")

# An error metric that weighs an error too high and one too low alike.
SYMMETRIC_ERROR = Lexicon("""
    mape, smape, wape, wmape, mae, mad, mse, rmse, rmsle, mean absolute error, mean absolute percentage error
    mean squared error, root mean squared error, root mean square error, weighted absolute percentage error
    absolute error, absolute percentage error, forecast accuracy, within #%, accuracy within, r2, r-squared
""")

# A metric that weighs the error the decision pays for: short or over, at a service level.
ASYMMETRIC_COST = Lexicon("""
    pinball, pinball loss, quantile, quantile loss, quantiles, p80, p90, p95, p99, service level
    service levels, fill rate, stockout, stockouts, stock-out, stock-outs, out of stock, lost sales
    shortfall, shortfalls, short, understaffed, understaffing, under-staffed, overstaffed, overstaffing
    under-forecast, under-forecasts, over-forecast, over-forecasts, underforecast, overforecast
    cost of being short, cost of shortage, waste, wastage, spoilage, bias, newsvendor, asymmetric
    under-staffing, over-staffing, understaffed hours, under-prediction, over-prediction, underprediction
    overprediction, under-forecasting, over-forecasting, p10, p50, p75, prediction interval
    prediction intervals, interval coverage, cost-weighted, weighted cost, cost of errors, cost of error
""")

# A metric averaged or summed over a whole chain, portfolio or period, not at the unit the amount is set.
AGGREGATE = Lexicon("""
    total, totals, overall, chain, chain-wide, chainwide, aggregate, aggregated, portfolio, company-wide
    company wide, network-wide, network wide, national, nationwide, all sites, all stores, all branches
    all depots, all wards, across all sites, across all stores, across all branches, across sites
""")

# What an action gives away in money: a price cut, a voucher, a refund, something for free.
GIVES_MONEY = Lexicon("""
    discount, discounts, discounted, voucher, vouchers, coupon, coupons, refund, refunds, rebate, rebates
    cashback, cash back, price cut, price cuts, markdown, markdowns, free item, free items, free month
    free months, free delivery, free shipping, free gift, free gifts, free upgrade, free upgrades
    store credit, account credit, credit note, credit notes, gift card, gift cards, fee waiver, fee waivers
    waived fee, waives the fee, goodwill payment, goodwill payments, compensation payment, bonus points
""")
# ...said after words that deny it (`no discount is given`, `never a refund`, `instead of a voucher`).
GIVES_NOTHING_AHEAD = DENIED_AHEAD + Lexicon("""
    no, not, never, nothing, none, neither, nor
""")

# ---------------------------------------------------------------- what the record leaves out, handled

# Words that say a capped record is handled: capped days flagged, excluded, censored, demand estimated.
CAP_HANDLED = Lexicon("""
    censored, censoring, treated as censored, right-censored, unconstrained demand, true demand, latent demand
    capped days flagged, capped days excluded, capped days marked, capped days dropped, capped hours flagged
    capped hours excluded, flagged as capped, marked as capped, excluded capped days, excluding capped days
    sold-out days flagged, sold-out days excluded, sold-out days marked, excluding sold-out days
    full days flagged, full days excluded, stockout flag, stockout flags, stock-out flag, stock-out flags
    uncapped days, uncapped cases, uncapped hours, on uncapped, at least the cap
    demand reconstructed, reconstructed demand, reconstructs demand, reconstruct demand, demand reconstruction
    stock-out days flagged, stock-out days excluded, stockout days flagged, stockout days excluded
    out-of-stock days flagged, out-of-stock days excluded, stock-out days marked, stockout days marked
    excluding stock-out days, excluding stockout days, excluding out-of-stock days, stock-outs flagged
    stockouts flagged, stock-outs excluded, stockouts excluded, lost sales estimated, estimated lost sales
    lower bound on demand, lower bounds on demand, sold-out flag, sold-out flags, sold out flag, sold out flags
""")

# Words that say reporting rates are measured, or the test sample is found apart from the reports.
REPORTING_MEASURED = Lexicon("""
    reporting rate, reporting rates, report rate, report rates, reporting rate estimated, under-reporting
    underreporting, under-reporting estimated, independent sweep, independent survey, independent audit
    random sweep, random sweeps, random audit, random audits, random inspection, random inspections
    found independently, independently found, independent of reports, apart from the reports
    second read, second reads, second-read, second-read audit, second reader, double read, double-read
    re-annotation, re-annotated, reannotated, senior re-annotation
    random spot check, random spot checks, random spot-check, random spot-checks, random site visits
    random visits, random patrols, random audit sample, audit of a random sample, random inspection sample
    proactive inspections, proactive inspection, unprompted inspections, randomly inspected, randomly audited
""")

# Words that say the cases given a default are dropped, or a random sample of them is checked.
DEFAULT_HANDLED = Lexicon("""
    defaulted cases dropped, defaulted cases excluded, defaulted cases removed, default cases dropped
    default cases excluded, defaults dropped, defaults excluded, defaults removed, excluding defaulted
    excluding the defaulted, excluding defaults, without the defaulted, unreviewed cases excluded
    unreviewed cases dropped, unchecked cases excluded, unchecked cases dropped, unlooked cases excluded
    random sample of unreviewed, random sample of the unreviewed, random sample of unchecked
    random sample of the defaulted, random sample of defaulted, random sample of the defaults
""")

# Words that say every way of ending is kept: survival framing, competing risks, a cohort followed to the end.
EXITS_KEPT = Lexicon("""
    survival analysis, survival model, survival models, competing risks, competing risk, censored, censoring
    right-censored, kaplan-meier, cox model, hazard model, hazard models, every exit, all exits
    whatever the exit, each way of leaving, followed to the end, followed up to the end, other exits included
    including those who left, including the ones who left, including cases that closed
    whole entering cohort, every case that entered, as an outcome of its own, as its own outcome
    as a class of its own, as a third class, as a separate outcome
""")

# Words that say a change in the data's period is handled: data since it, weighted, the regime an input.
CHANGE_HANDLED = Lexicon("""
    only data since, only on data since, trained on data since, train on data since, trained only since
    data since the change, since the change only, after the change only, weighted to recent
    weighted towards recent, down-weighted, downweighted, regime flag, regime feature, regime as an input
    regime as input, which terms apply, which regime applies, which rules apply, terms as an input
    terms as a feature, relabelled by today's standard, relabeled by today's standard
    scored separately, score it separately, scored apart, evaluated separately, measured separately
    reported separately, compared before and after, checked before and after, before and after the change
    version recorded per, version is recorded per, version logged per, version is logged per, recorded per call
    recorded per record, recorded per case, recorded per row, recorded per job, recorded per item, logged per call
    logged per record, logged per case, logged per row, logged per job, logged per item
""")

# A thing several rows describe that lasts over time (a person visiting again, a site, repeat reports of
# one event): its rows can fall on both sides of a time split.
SPANS_TIME = Lexicon("""
    visit, visits, repeat visits, repeat reports, incident, incidents, event, events
    patient, patients, customer, customers, client, clients, person, persons, people, account, accounts
    household, households, member, members, pupil, pupils, student, students, employee, employees
    animal, animals, site, sites, store, stores, shop, shops, machine, machines, vehicle, vehicles
    property, properties, address, addresses, building, buildings, field, fields, over time, over the years
""")


# The options the model ranks for one case (`the top 3 candidate matches`): a choice within the case.
RANKED_OPTIONS = phrases(
    "top #, top ten, top twenty, shortlist of, short-list of, ranked shortlist of",
    "candidate, candidates, candidate matches, candidate items, matches, suggestions, suggested codes, options",
)


# The options the model ranks within one case: an output naming them ranks answers, not cases.
NAMES_OPTIONS = Lexicon("candidate, candidates, candidate matches, suggested codes, suggested answers")

# A decision in which the model chooses which cases are acted on: the top share, a shortlist, the cases
# to inspect or drop. Acting on all of them (`inspect every pallet`) chooses nothing.
SELECTS = Lexicon(
    """
    top #, bottom #, top three, top five, top ten, top twenty, top fifty, top hundred
    highest-risk, highest risk, highest-scoring, highest scoring, lowest-scoring, lowest scoring, riskiest
    shortlist, shortlists, shortlisted, shortlisting, short-list, short-lists, short-listed
    choose, chooses, chose, choosing, select, selects, selecting
    pick, picks, picked, drop, drops, dropped, dropping, discard, discards, discarded
    skip, skips, skipped
    inspect, inspects, inspected, inspection, inspections
    audit, audits, audited, investigate, investigates, investigated
    """,
    unless="pick up, picks up, picked up, pick list, pick lists, drop in, drops in, drop-off, audit trail, "
    # a measured fall (`a 20% drop`, `the drop in pressure`, `drops below 5`) chooses no case
    "a drop, the drop, any drop, a sudden drop, a sharp drop, drop of, drops of, pressure drop, voltage drop, "
    "price drop, drop below, drops below, dropped below, drop to, drops to, dropped to, drops by, dropped by, "
    "audit trails, audit log, audit logs, "
    # the moment a roast, a batch or a load is released (`at drop`, `drop temperature`): a step, not a choice
    "at drop, at the drop, up to the drop, until drop, before drop, after drop, drop temperature, drop time, "
    + phrases(
        "inspect, inspects, audit, audits, investigate, investigates, check, checks, review, reviews",
        "all, every, each",
    )
    # a person choosing among the options the model offers for one case (`picks from the ranked
    # shortlist`) chooses an answer, not which cases are acted on
    + ", "
    + phrases(
        "pick, picks, picked, picking, choose, chooses, chose, choosing, select, selects, selected, selecting",
        "from the, from a, from an, from its, from their, between the, among the",
        "*, * *",
    )
    # a person's yes or no to what is offered (`the booker chooses whether to book`) chooses no case
    + ", choose whether, chooses whether, chose whether, decide whether, decides whether"
    + ", "
    + RANKED_OPTIONS,
)


# The output's words of choosing: a top or bottom share, a shortlist.
SHARES = Lexicon(
    """
    top #, bottom #, top ten, top twenty, top fifty, top hundred, riskiest, highest-risk, highest risk
    shortlist, shortlists, shortlisted, short-list, short-lists, short-listed
    """,
    unless=RANKED_OPTIONS,
)


# Places and institutions outside the EU a plan names when it runs there (`GCSE`, `NHS`, `Medicaid`):
# the EU AI Act binds such a system only where it serves people in the EU.
OUTSIDE_EU = Lexicon(
    """
    uk, united kingdom, great britain, britain, british, england, english council, scotland, scottish
    wales, welsh, northern ireland, gcse, gcses, a-level, a-levels, ofsted, ofqual, nhs, nhs trust, hmrc
    dwp, universal credit, housing benefit, council tax, local authority in england
    united states, usa, california, texas, new york state, florida, illinois, medicaid
    medicare, hipaa, cfpb, eeoc, canada, canadian, australia, australian, new zealand, switzerland, swiss
    norway, norwegian, india, singapore, japan
    """
)

# The EU, or a member state, named: the Act may bind the system whatever else the plan names.
EU_NAMED = Lexicon(
    """
    eu, european union, eea, ai act, germany, german, france, french, netherlands, dutch, belgium
    spain, spanish, italy, italian, portugal, poland, polish, austria, sweden, swedish, denmark, danish
    finland, finnish, republic of ireland, irish, greece, czech, hungary, romania, bulgaria, croatia
    slovakia, slovenia, estonia, latvia, lithuania, luxembourg, malta, cyprus
    """
)

# Where a model runs, named in place of a model (`Azure cloud, EU region`): a host, not a model prompted.
CLOUD_PLACE = Lexicon(
    """
    azure, aws, amazon web services, gcp, google cloud, cloud, clouds, region, tenant, tenancy, data centre
    data center, server, servers, on-premises, on premises, on-prem
    """
)
# A model, an API or a service named: something the product calls, not only where it runs.
MODEL_NAMED = Lexicon(
    """
    model, models, llm, llms, api, apis, gpt, chatgpt, claude, gemini, llama, mistral, openai, anthropic
    service, services, ocr, vision, transcription, speech-to-text, whisper, endpoint, copilot, bedrock
    gpt-3.5, gpt-4, gpt-4o, gpt-4o-mini, gpt-4.1, gpt-5, gpt-4-class, gpt-4o-class, mixtral, qwen, deepseek
    cohere, bert, palm, phi-3, sonnet, haiku, opus
    """
)
# A prompted model that learns from the team's data: a fine-tune, an adapter, weights trained on it.
LEARNS = Lexicon(
    """
    fine-tune, fine-tuned, fine-tuning, finetune, finetuned, finetuning, lora, trained on, train on
    """
)
# A hosted model used as it comes, its prompt not tuned on the team's cases: `prompted only`, `zero-shot`.
PROMPTED_ONLY = Lexicon("""
    prompted only, only prompted, zero-shot, zero shot, no few-shot examples, untuned prompt, prompt not tuned
""")
# A hosted model that turns text into vectors for a model trained on them: the features, not the predictor.
EMBEDS_FOR_A_MODEL = Lexicon("""
    embedding model, embedding models, embeddings model, embeddings models, embedding api, embeddings api
    embeddings of, embedding of, text embeddings, sentence embeddings
""")
# A prompted model that still reads or learns from the team's data: retrieval, an index, a fine-tune.
READS_OR_LEARNS = (
    RETRIEVED
    + Lexicon(
        """
    rag, knowledge base, vector store, vector index, vector database, embeddings index, document store
    """
    )
    + LEARNS
)
# One unit set too many: what is left over, binned or idle (the cost of an amount set too high).
TOO_MANY = Lexicon("""
    unsold, left over, leftover, leftovers, binned, wasted, waste, wastage, surplus, overstock, overstocked
    over-order, over-ordered, over-ordering, overorder, overordering, unused, idle, markdown, markdowns
    written off, write-off, write-offs, too many, over-forecast, overestimate, over-estimate, overstaffed
    overstaffing, over-staffed, over-staffing, spoiled, spoilage, expired, pulped, thrown away
""")

# One unit set too few: a sale lost, a customer turned away (the cost of an amount set too low).
TOO_FEW = Lexicon("""
    sell-out, sell-outs, sellout, sellouts, sold out, sells out, stock-out, stock-outs, stockout, stockouts
    out of stock, shortfall, shortfalls, shortage, shortages, lost sale, lost sales, missed sale, missed sales
    too few, under-forecast, underestimate, under-estimate, understaffed, understaffing, under-staffed
    under-staffing, under-order, under-ordered, under-ordering, empty shelf, empty shelves, turned away
    ran out, runs out, run out, running out
""")

# A figure that is a total over a period, not the cost of one unit.
PERIOD_TOTAL = Lexicon("""
    a year, per year, a month, per month, a week, per week, a season, per season, a quarter, per quarter
    annually, annual, yearly, monthly, last year, last season, last quarter, this year, each year, every year
""")

# Losses that sit in a few expensive items, which an average error over all items barely weighs.
EXPENSIVE_TAIL = Lexicon("""
    high-value items, high-value lots, high-value orders, high-value jobs, big-ticket, big-ticket items
    expensive items, the expensive ones, a few expensive, rare expensive, few large, a few large
    most of the losses, most of the loss, most of the money, the costly few, top-value
""")

# The standard an audit or a certification is held against: bought to be cited, clause by clause.
AUDITED_AGAINST = Lexicon("""
    scheme standard, scheme standards, certification standard, certification standards, assurance standard
    assurance standards, audit standard, audit standards
""")

# Documents whose purpose is to be followed and quoted to their readers (a product's label, the
# organisation's own policies, public regulations): reproducing them to users is what they are for.
QUOTED_BY_PURPOSE = (
    Lexicon("""
    product label, product labels, label text, label texts, approved label, approved labels
    policy, policies, policy library, policy documents, terms and conditions, staff handbook
    regulation, regulations, legislation, statute, statutes, statutory guidance, official guidance
    safety data sheet, safety data sheets, instructions for use, package leaflet, package leaflets
    patient information leaflet, patient information leaflets, authorisation notice, authorisation notices
    authorization notice, authorization notices
""")
    + AUDITED_AGAINST
)

# A public body's open data, or an open licence: its terms allow reuse, so it settles whose content it is.
OPEN_DATA = Lexicon("""
    met office, noaa, national weather service, weather service, meteorological service, ecmwf, copernicus
    open data, open government data, open government licence, open government license, ogl, data.gov
    data.gov.uk, cc by, cc-by, cc0, creative commons, office for national statistics, eurostat
    national statistics office, environment agency, usgs, open licence, open license, public domain
""")

# An action budget stated in another unit or over another period than flagged cases a day: a measure
# of effort (km, hours, crew-days) in BUDGET_IN_UNITS; a count of the action (visits, inspections) in
# BUDGET_IN_ACTIONS, which is the model's unit unless a case takes several (SEVERAL_PER_CASE).
_MEASURES = """km, kms, kilometres, kilometers, kilometre, kilometer, miles, mile, metres, meters, hours, hour
    crew-days, crew days, person-days, person days, man-days, shifts, truckloads"""
_ACTIONS = (
    """visits, inspections, audits, surveys, tests, samples, digs, excavations, trips, callouts, call-outs"""
)
_PERIODS = "year, month, quarter, season, week, annum, fortnight"


def _budget(units: str) -> Lexicon:
    units = units.replace("\n", ",")
    return Lexicon(
        phrases("#", units, ", of *, of * *", "a, per, each, every, in a, in the", _PERIODS)
        + ", "
        + phrases("#", units, ", of *, of * *", "annually, yearly, monthly, quarterly, weekly")
    )


BUDGET_IN_UNITS = _budget(_MEASURES)
BUDGET_IN_ACTIONS = _budget(_ACTIONS)
SEVERAL_PER_CASE = Lexicon(
    phrases(
        "two, three, four, five, several, #",
        "visits, inspections, audits, surveys, tests, samples, digs, trips, callouts, call-outs",
        "per, for each, for every, to each, on each, for a, for one",
        "case, flag, flagged case, household, home, site, property, premises, customer, patient, job, asset",
    )
    + ", takes several, take several, needs several, need several, several visits, repeat visits"
)

# Words saying the data, or the evaluation's figures, already hold the wider scope: the other sites,
# groups or languages are in the sources or the period, or the metric is reported per each.
SCOPE_HELD = Lexicon("""
    already includes, already include, already covers, already cover, already holds, already hold
    includes all, include all, covers all, cover all, all sites, all regions, all branches, all stores
    all languages, all countries, all clinics, every site, every region, every branch, every store
    every language, every country, every clinic, by site, per site, by region, per region, by branch
    per branch, by language, per language, by country, per country, by group, per group, by segment
    per segment, by store, per store, by clinic, per clinic
""")

# An estimate set too low, in a quote's or a plan's own words: the job runs over what was quoted.
UNDER_QUOTED = Lexicon("""
    overrun, overruns, overran, runs over, run over, ran over, running over, under-quoted, underquoted
    under-quote, underquote, under-quotes, underquotes, under-priced, underpriced, under-estimated
    underestimated, takes longer than quoted, took longer than quoted
""")

# An estimate set too high, in a quote's own words: the job lost to a cheaper bid.
OVER_QUOTED = Lexicon("""
    over-quoted, overquoted, over-quote, overquote, over-priced, overpriced, over-estimated, overestimated
    lost the job, lose the job, lost jobs, lose jobs, lost bids, lose bids, lost the bid, priced out
""")

# One error said to cost the team, or to be absorbed by it: the words of an error that is not like the other.
ONE_SIDE_COSTS = Lexicon("""
    we absorb, which we absorb, absorb the, absorbs the, absorbed by us, we bear, we eat the, we swallow
    at our expense, at our cost, fixed price, fixed-price, fixed fee, fixed-fee, costs us, cost us
    costly, expensive, far worse, much worse, the worse error, the costlier error, hurts most, hurts more
    costs, lose, loses, lost
""")

# Said of the people meant to check each output: they pass it on without looking.
PASSED_UNCHECKED = Lexicon("""
    rubber-stamp, rubber-stamps, rubber-stamped, rubber-stamping, rubber stamp, rubber stamps
    rubber stamped, rubber stamping, sign them as sent, signs them as sent, signed as sent
    send them as is, sent as is, pass them on as is, approve without reading, approved without reading
    approves without reading, sign without reading, signed without reading, signs without reading
    without reading them, without reading it, nobody reads them, nobody reads it, no one reads them
    wave them through, waved through, waves them through, click through, clicks through
""")


# A metric that scores the model by how often it says what something else said.
AGREES = Lexicon("""
    agreement with, agreement rate, agrees with, agree with, agreeing with
    match rate, matches with, match with, matches the, matching the, matched against
    concordance, concordance with, consistent with, consistency with, overlap with
    same as, same decision as, same decisions as, same call as, same grade as, same code as
    correlation with, correlates with, reproduces, replicates
""")
# An evaluation whose truth is independent of today's process: outcomes, or a panel judging apart.
INDEPENDENT = Lexicon("""
    outcome, outcomes, what happened, confirmed, blind, blinded, blind-graded, expert panel
    panel of experts, relabelled, relabeled, re-labelled, re-labeled, regraded, re-graded, adjudicated
    adjudication, independent, independently, audited, audit sample, second opinion, overturned
""")
# The model's own confidence or certainty, as a gate: it acts alone where sure and hands the rest on.
SELF_CONFIDENCE = Lexicon("""
    confidence, confident, high confidence, high-confidence, low confidence, low-confidence, confidence score
    confidence threshold, confidence below, confidence above, below the threshold, unsure, not sure
    uncertain, uncertainty, when it doubts, self-assessed, its own score, its own certainty
""")


# Acting on a finding so that the thing itself changes: repaired, treated, made safe.
MADE_SAFE = Lexicon(
    """
    repair, repairs, repaired, repairing, fix, fixes, fixing, mend, mends, mended
    overhaul, overhauls, overhauled, refurbish, refurbished, rebuild, rebuilt, replaced the part, part replaced, parts replaced
    make safe, makes safe, made safe, making safe, stake, staked, staking, laid flat, lay flat, lays flat
    taken down, prop, propped, brace, braced, shore up, shored up, reinforce, reinforced, re-fixed, refixed
    relaid, re-laid, patched, resurface, resurfaced, pruned, felled
    treat, treats, treated, treating, treatment, medicate, medicated, vaccinate, vaccinated
    serviced, recalibrate, recalibrated, lubricate, lubricated
    """,
    unless="treat it as, treat them as, treated as, treats it as, treat as, treated equally, treated fairly",
)
# An answer saying each intervention is on the record beside the rows, or rows after it are left out.
INTERVENTION_KEPT = Lexicon(
    """
    repair history, repair dates, repair date, date of each repair, date of the repair, repair log
    maintenance history, maintenance log, maintenance record, maintenance records, service history
    treatment history, treatment dates, date of each treatment, intervention history, intervention dates
    made-safe flag, made safe flag, made-safe date, made safe date, date made safe
    rows after a repair, rows after the repair, rows after repair, rows after treatment, rows after a fix
    previous repairs, earlier repairs, past repairs, previous treatments, earlier treatments
"""
    # an input that dates the last service (`when last swept`, `date of last service`) keeps each one on the record
    + phrases(
        "last, previous, most recent",
        "service, serviced, swept, sweep, repair, repaired, treatment, treated, cleaned, cleaning, cleared, "
        "clearance, maintenance, maintained, overhaul, overhauled",
    )
)
# Words saying today's treatment comes on a schedule of its own, whatever the risk: the cycle a list replaces.
SCHEDULED_TREATMENT = Lexicon("""
    cycle, cycles, cyclic, cyclical, on a cycle, rota, routine visit, routine visits, routine maintenance
    routine clearance, routine inspection, routine inspections, planned maintenance, preventive maintenance
    preventative maintenance, every six months, every month, every year, every two years, every three years
    every five years, six-monthly, six monthly, annual service, annual servicing, yearly service, on a schedule
    every quarter, quarterly, every four years, every ten years, fixed schedule, fixed round, fixed rounds
    hotspot list, hotspot, hotspots
""")
# Words naming a document that changes another: an amendment, a side letter, a later version.
AMENDING = Lexicon("""
    amendment, amendments, amended, side letter, side letters, addendum, addenda, addendums, variation
    variations, rider, riders, schedule, schedules, annex, annexes, appendix, appendices, attachment
    attachments, later version, later versions, revised version, revision, revisions, supplement
    supplements, credit note, credit notes, correction, corrections
""")

# Words naming a source that describes another version of the item than the one written about.
STALE_SOURCE = Lexicon("""
    previous version, previous versions, older version, older versions, old version, old versions
    previous vintage, last vintage, previous vintages, older spec, older specs, old spec, previous spec
    previous edition, older edition, last year's price list, old price list, previous price list
    last season's, superseded, outdated, out of date, out-of-date
""")
# Words naming a document that a later one varies or supersedes (an amendment, a side letter, a renewal):
# a certificate, a form or an invoice read as issued is not among them.
VARIED_DOCUMENTS = Lexicon("""
    contract, contracts, lease, leases, agreement, agreements, deed, deeds, policy document, policy documents
    insurance policy, insurance policies, terms and conditions, tender, tenders, schedule of works, licence
    licences, license, licenses, loan agreement, loan agreements, price list, price lists, spec sheet, spec sheets
""")

# Words saying a done metric, the evaluation or the monitoring counts facts a draft gets wrong.
FACTS_COUNTED = Lexicon("""
    factual, factuality, factual error, factual errors, factually, faithful, faithfulness, unfaithful
    invented, invents, invented fact, invented facts, hallucination, hallucinations, hallucinated, hallucinate, unsupported, unsupported claim
    unsupported claims, grounded, groundedness, ungrounded, fabricated, fabrication, fabrications
    wrong figure, wrong figures, wrong amount, wrong amounts, incorrect figure, incorrect figures
    figures checked, amounts checked, checked against the source, checked against the record
    checked against the records, citation accuracy, citations checked, fact check, fact-check
    fact checked, fact-checked, fact checking, fact-checking, errors of fact, error of fact
    do not support, does not support, not supported by, unsupported by, not in the source
    with a wrong, with wrong, with an incorrect, wrong date, wrong dates, wrong name, wrong names
    wrong detail, wrong details, wrong fact, wrong facts, incorrect fact, incorrect facts
""")

# Words saying a hosted model runs inside the organisation's own cloud tenancy: the data does not leave.
OWN_TENANCY = Lexicon("""
    our own tenancy, our tenancy, our own tenant, our tenant, in our tenant, the organisation's tenancy
    our own subscription, our azure subscription, our cloud subscription, our own cloud account
    our cloud account, our own vpc, our vpc, private endpoint, data does not leave, data never leaves
    does not leave our, never leaves our, stays in our tenancy, stays in our tenant, stays in our cloud
    our own azure tenancy, our own azure tenant, our azure tenancy, our azure tenant, our aws account
    our own aws account, our gcp project, our own gcp project
""")

# Where a plan says the untrusted text is kept apart from instructions, or tested with attacks.
INJECTION_SAID = Lexicon("""
    prompt injection, prompt injections, prompt-injection, injection, injections, jailbreak
    jailbreaks, red team, red-team, red teaming, red-teaming, adversarial prompts, malicious prompts
""")

# A count of requests as they are made (orders placed, calls offered): recorded whether or not supply then
# met them on time, so a shortage delays what is served and leaves the count of what was asked whole.
REQUESTS_PLACED = Lexicon("""
    orders placed, placed orders, orders received, orders taken, orders booked, order intake, orders logged
    requests made, requests received, requests logged, requests raised, jobs logged, jobs raised, tickets raised
    applications received, applications submitted, referrals received, referrals made, enquiries received
    calls offered, calls received, claims filed, claims submitted, claims lodged
""")
# An amount that is itself the supply the record stops at: stock ordered, seats or slots offered.
SUPPLY_SET = Lexicon("""
    stock, stock level, stock levels, order quantity, order quantities, quantity ordered, units ordered
    inventory, supply, seats, screenings, showings, places offered, slots, slots offered, beds, tables
    portions, batches baked, loaves, units produced, production quantity, allocation, allocations
""")
