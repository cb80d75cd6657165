-- What a contact list row shows of a contact's e-mails, phones and company links, kept on the contact's row: the
-- first e-mail, the first phone and the primary company. A list page looked each of them up per row, three index
-- probes for each of its 51 rows: about half a millisecond of a page's one millisecond (docs/benchmarks.md,
-- seventeenth round). The contacts module writes them with the children, in the same statement as the row
-- (ContactRepository, ContactBatchRepository); the links' company cannot be deleted while linked.
alter table contacts
    add column first_email        varchar(254),
    add column first_phone        varchar(20),
    add column primary_company_id uuid;

-- The fill changes no search text, name, owner, team flag or archiving, which the user triggers keep postings and
-- typo words for: without them it is one pass over the rows instead of two more over a million-row transition table.
alter table contacts disable trigger user;
update contacts c
   set first_email = (select e.email from contact_emails e where e.contact_id = c.id order by e.position limit 1),
       first_phone = (select p.phone from contact_phones p where p.contact_id = c.id order by p.position limit 1),
       primary_company_id = (select k.company_id from contact_companies k where k.contact_id = c.id and k.is_primary)
 where exists (select 1 from contact_emails e where e.contact_id = c.id)
    or exists (select 1 from contact_phones p where p.contact_id = c.id)
    or exists (select 1 from contact_companies k where k.contact_id = c.id);
alter table contacts enable trigger user;
