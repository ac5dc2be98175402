-- A ticket type's confirmed_count follows its confirmed registrations, whatever writes them
-- (the registration service, a review, a cancellation that promotes from the waitlist, the
-- demo). Together with the CHECK confirmed_count <= capacity this is what makes overbooking
-- impossible with any number of server processes: the UPDATE takes the ticket type's row
-- lock, so concurrent confirmations queue behind it, and the one that would pass capacity
-- fails. A restore brings the counts back as they were, so the trigger stays quiet then.
CREATE FUNCTION event_registrations_count_confirmed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_confirmed boolean := TG_OP <> 'INSERT' AND OLD.status = 'confirmed';
  is_confirmed boolean := TG_OP <> 'DELETE' AND NEW.status = 'confirmed';
BEGIN
  IF current_setting('biobridge.restoring', true) = 'on' THEN
    RETURN NULL;
  END IF;
  IF was_confirmed AND (NOT is_confirmed OR OLD.ticket_type_id <> NEW.ticket_type_id) THEN
    UPDATE event_ticket_types SET confirmed_count = confirmed_count - 1 WHERE id = OLD.ticket_type_id;
  END IF;
  IF is_confirmed AND (NOT was_confirmed OR OLD.ticket_type_id <> NEW.ticket_type_id) THEN
    UPDATE event_ticket_types SET confirmed_count = confirmed_count + 1 WHERE id = NEW.ticket_type_id;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER event_registrations_count_confirmed
  AFTER INSERT OR DELETE OR UPDATE OF status, ticket_type_id ON event_registrations
  FOR EACH ROW EXECUTE FUNCTION event_registrations_count_confirmed();
