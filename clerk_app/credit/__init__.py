"""The credit check (信用核查): the applicant against the central server's joint-punishment
list, at intake, with what the counter does when the server cannot say."""
