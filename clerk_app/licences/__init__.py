"""E-licences (电子证照, 免证办): the applicant's licences from the central server's registry
standing in for materials, and the typed numbers verified on the next sync."""
